/**
 * Benchmarks of the runtime library's attack detection: the inputs of a 2 KB API Gateway event,
 * and large bodies to show that the cost grows linearly with size. Results and the commands that
 * produced them are in {@code docs/performance.md}.
 */
@NullMarked
package dev.bulwark.bench.detect;

import org.jspecify.annotations.NullMarked;
