/**
 * Secret scanning benchmarks on generated source code: {@link
 * dev.bulwark.bench.secrets.SecretScanBenchmark} (JMH, wall clock) and {@link
 * dev.bulwark.bench.secrets.SecretScanCpu} (CPU time). Results in {@code docs/performance.md}.
 */
@NullMarked
package dev.bulwark.bench.secrets;

import org.jspecify.annotations.NullMarked;
