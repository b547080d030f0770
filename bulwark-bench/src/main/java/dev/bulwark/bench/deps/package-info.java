/**
 * Benchmarks of known-vulnerability matching (loading the OSV advisory sets of the development
 * corpus into the index; matching 10,000 packages) and the version-ordering dev tool. Results and
 * commands: {@code docs/performance.md}.
 */
@NullMarked
package dev.bulwark.bench.deps;

import org.jspecify.annotations.NullMarked;
