/**
 * JMH benchmarks. Build with {@code ./mvnw -q -B -pl bulwark-bench -am package -DskipTests} and
 * run {@code java -jar bulwark-bench/target/benchmarks.jar <regex>}; results and exact commands
 * are in {@code docs/performance.md}.
 */
@NullMarked
package dev.bulwark.bench;

import org.jspecify.annotations.NullMarked;
