/**
 * Benchmarks of bulwark-runtime: per-invocation overhead, batches, large bodies, JWT verification
 * and cold start. Results and commands are in {@code docs/performance.md}.
 */
@NullMarked
package dev.bulwark.bench.runtime;

import org.jspecify.annotations.NullMarked;
