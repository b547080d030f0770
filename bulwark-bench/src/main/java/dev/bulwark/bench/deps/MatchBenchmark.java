package dev.bulwark.bench.deps;

import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.MatchResult;
import dev.bulwark.deps.Matcher;
import dev.bulwark.deps.VulnerabilityDatabase;
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
 * Matching 10,000 exact packages (70% with advisories, at versions taken from their advisories,
 * 30% without) against the PyPI and Go advisories of the corpus, single-threaded.
 *
 * <pre>
 * java -jar bulwark-bench/target/benchmarks.jar MatchBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class MatchBenchmark {

  private Matcher matcher;
  private List<Component> components;

  @Setup(Level.Trial)
  public void setUp() {
    List<Advisory> advisories = OsvCorpus.advisories(OsvCorpus.root());
    matcher = new Matcher(VulnerabilityDatabase.of(advisories));
    components = OsvCorpus.components(advisories, 10_000, 42);
    MatchResult r = matcher.match(components);
    System.out.printf("%n10,000 packages: %d matches, %d not checkable%n", r.matches().size(),
        r.unchecked().size());
  }

  @Benchmark
  public MatchResult match10k() {
    return matcher.match(components);
  }
}
