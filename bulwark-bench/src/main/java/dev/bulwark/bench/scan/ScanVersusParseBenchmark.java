package dev.bulwark.bench.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bulwark.core.Report;
import dev.bulwark.engine.ScanRequest;
import dev.bulwark.engine.Scanner;
import dev.bulwark.iac.Adapters;
import dev.bulwark.iac.IacAdapter;
import dev.bulwark.iac.IacOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * The scan of every template in the corpus (posture alone, and with dependencies and secrets)
 * against its floor: composing the same files
 * with the same YAML library (SnakeYAML Engine, nodes with marks) and tokenizing the JSON ones with
 * the same JSON library. Both single-threaded, in the same run, so the ratio is meaningful.
 *
 * <pre>
 * java -jar bulwark-bench/target/benchmarks.jar ScanVersusParse -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ScanVersusParseBenchmark {

  private List<Path> files;
  private Scanner scanner;
  private ScanRequest request;
  private ScanRequest postureOnly;
  private final JsonFactory json = new JsonFactory();

  @Setup(Level.Trial)
  public void setUp() {
    files = Corpus.templates(Corpus.root());
    if (files.isEmpty()) {
      throw new IllegalStateException("no templates recognised in the corpus");
    }
    scanner = new Scanner();
    request = ScanRequest.builder().paths(files).threads(1).build();
    postureOnly = ScanRequest.builder().paths(files).threads(1).dependencies(false).secrets(false)
        .build();
  }

  @Benchmark
  public void parseFloor(Blackhole bh) throws IOException {
    for (Path p : files) {
      String name = p.getFileName().toString();
      if (name.endsWith(".json")) {
        try (JsonParser parser = json.createParser(p.toFile())) {
          JsonToken t;
          while ((t = parser.nextToken()) != null) {
            bh.consume(t);
            bh.consume(parser.currentLocation());
          }
        }
      } else {
        LoadSettings settings = LoadSettings.builder().setLabel(name)
            .setMaxAliasesForCollections(100).build();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          bh.consume(new Compose(settings).composeReader(r));
        } catch (RuntimeException e) {
          bh.consume(e); // unknown tags are fine for compose; malformed files count as parsed
        }
      }
    }
  }

  /** Reading, resolving and mapping every template into its model: no rules, no report. */
  @Benchmark
  public void loadModels(Blackhole bh) {
    for (Path p : files) {
      IacAdapter adapter = Adapters.all().get(0);
      bh.consume(adapter.load(p, p.toString(), IacOptions.defaults()));
    }
  }

  /** Posture, dependencies (reading every function's code) and secrets. */
  @Benchmark
  public Report fullScan() {
    return scanner.scan(request);
  }

  /** The posture pillar alone: templates to findings. */
  @Benchmark
  public Report postureScan() {
    return scanner.scan(postureOnly);
  }
}
