package dev.bulwark.bench.deps;

import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the full PyPI and Go advisory sets of the corpus (6,952 OSV files, 14 MB) into the
 * matcher's index: {@code load} reads and parses every file and builds the index (what {@code
 * --db DIR} costs); {@code index} only builds the index from advisories already parsed.
 *
 * <pre>
 * java -jar bulwark-bench/target/benchmarks.jar AdvisoryLoad -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class AdvisoryLoadBenchmark {

  private Path root;
  private List<Advisory> parsed;

  @Setup(Level.Trial)
  public void setUp() {
    root = OsvCorpus.root();
    parsed = OsvCorpus.advisories(root);
  }

  @Benchmark
  public VulnerabilityDatabase load() {
    return VulnerabilityDatabase.load(root);
  }

  @Benchmark
  public VulnerabilityDatabase index() {
    return VulnerabilityDatabase.of(parsed);
  }
}
