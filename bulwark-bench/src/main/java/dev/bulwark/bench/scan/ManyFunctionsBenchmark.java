package dev.bulwark.bench.scan;

import dev.bulwark.core.Report;
import dev.bulwark.engine.ScanRequest;
import dev.bulwark.engine.Scanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scanning one generated SAM template with many functions (each with an API event, an SQS
 * trigger on a shared queue, inline policy templates and environment variables), end to end.
 *
 * <pre>
 * java -jar bulwark-bench/target/benchmarks.jar ManyFunctions -f 1 -wi 5 -i 10
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ManyFunctionsBenchmark {

  @Param({"10000"})
  public int functions;

  private Path dir;
  private Scanner scanner;
  private ScanRequest request;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("bulwark-bench");
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, ManyFunctions.template(functions));
    scanner = new Scanner();
    request = ScanRequest.builder().path(template).workingDirectory(dir).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  public Report scan() {
    return scanner.scan(request);
  }
}
