package dev.bulwark.bench.secrets;

import dev.bulwark.secrets.SecretScanResult;
import dev.bulwark.secrets.SecretScanner;
import dev.bulwark.secrets.TextInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Secret scanning throughput on generated source code ({@link SourceCorpus}: Java, JavaScript and
 * Python, {@code corpusMiB} in all, one made-up secret every 40 files), single-threaded:
 *
 * <ul>
 *   <li>{@code text} — each file as an in-memory text ({@link TextInput}) with its name, the
 *       engine's path for template values and inline code;
 *   <li>{@code folder} — the corpus as files in a temporary folder, walked and read from disk (the
 *       OS cache is warm after the first iteration), the path for function code folders;
 *   <li>{@code readFloor} — walking and reading the same files without scanning: the floor of
 *       {@code folder} on this machine.
 * </ul>
 *
 * <p>Each operation scans the full corpus; the {@code megabytes} counter gives the throughput in
 * MB/s directly (wall clock; see {@link SecretScanCpu} for CPU time). The setup prints the exact
 * corpus size and checks that every planted secret is found.
 *
 * <pre>
 * java -jar bulwark-bench/target/benchmarks.jar SecretScan -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class SecretScanBenchmark {

  @Param({"8"})
  public int corpusMiB;

  /** Megabytes scanned, reported by JMH per second of wall-clock time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    public double megabytes;
  }

  private SecretScanner scanner;
  private double corpusMegabytes;
  private List<TextInput> texts;
  private Path folder;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SourceCorpus corpus = new SourceCorpus(20261123L);
    List<SourceCorpus.File> files = corpus.generate((long) corpusMiB << 20, 40);
    scanner = SecretScanner.builder().skipTestFolders(false).build();
    texts = files.stream().map(f -> TextInput.of(f.name(), f.text())).toList();
    long bytes = 0;
    for (SourceCorpus.File f : files) {
      bytes += f.text().getBytes(StandardCharsets.UTF_8).length;
    }
    corpusMegabytes = bytes / 1e6;
    folder = Files.createTempDirectory("bulwark-secrets-bench");
    for (SourceCorpus.File f : files) {
      Path p = folder.resolve(f.name());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.text(), StandardCharsets.UTF_8);
    }
    int inMemory = text(new Volume());
    SecretScanResult onDisk = scanner.scanPath(folder, "corpus");
    System.out.printf("%ncorpus: %d files, %d bytes, %d secrets planted; found %d in memory, %d"
            + " on disk%n", files.size(), bytes, corpus.planted(), inMemory,
        onDisk.findings().size());
    if (inMemory != corpus.planted() || onDisk.findings().size() != corpus.planted()) {
      throw new IllegalStateException("the scanner must find exactly the planted secrets");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** Scans every file as a text; returns the number of findings. */
  @Benchmark
  public int text(Volume volume) {
    volume.megabytes += corpusMegabytes;
    int found = 0;
    for (TextInput t : texts) {
      found += scanner.scan(t).findings().size();
    }
    return found;
  }

  @Benchmark
  public SecretScanResult folder(Volume volume) {
    volume.megabytes += corpusMegabytes;
    return scanner.scanPath(folder, "corpus");
  }

  /** The floor of {@link #folder}: walking the same folder and reading every file, nothing else. */
  @Benchmark
  public long readFloor(Volume volume) throws IOException {
    volume.megabytes += corpusMegabytes;
    byte[] buffer = new byte[1 << 16];
    long sum = 0;
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          try (java.io.InputStream in = Files.newInputStream(p)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
              sum += n + buffer[0];
            }
          }
        }
      }
    }
    return sum;
  }
}
