package dev.bulwark.bench.secrets;

import dev.bulwark.secrets.SecretScanner;
import dev.bulwark.secrets.TextInput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The same scan as {@link SecretScanBenchmark#text()}, timed in CPU time of the scanning thread
 * rather than wall-clock time: on a machine shared with other work, JMH's wall-clock figures
 * measure the share of a core the scan got as much as the scan. Prints the best and the median of
 * 30 runs after 10 warm-up runs.
 *
 * <pre>
 * java -cp bulwark-bench/target/benchmarks.jar dev.bulwark.bench.secrets.SecretScanCpu
 * </pre>
 */
public final class SecretScanCpu {

  private SecretScanCpu() {}

  public static void main(String[] args) {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    List<SourceCorpus.File> files = new SourceCorpus(20261123L).generate((long) mib << 20, 40);
    List<TextInput> texts = files.stream().map(f -> TextInput.of(f.name(), f.text())).toList();
    long bytes = 0;
    for (SourceCorpus.File f : files) {
      bytes += f.text().getBytes(StandardCharsets.UTF_8).length;
    }
    SecretScanner scanner = SecretScanner.builder().skipTestFolders(false).build();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] rates = new double[30];
    for (int run = -10; run < rates.length; run++) {
      long start = cpu.getCurrentThreadCpuTime();
      int found = 0;
      for (TextInput t : texts) {
        found += scanner.scan(t).findings().size();
      }
      long nanos = cpu.getCurrentThreadCpuTime() - start;
      if (found < 0) {
        throw new IllegalStateException("unreachable");
      }
      if (run >= 0) {
        rates[run] = bytes / 1e6 / (nanos / 1e9);
      }
    }
    java.util.Arrays.sort(rates);
    System.out.printf("%d files, %d bytes: CPU-time throughput best %.0f MB/s, median %.0f MB/s%n",
        files.size(), bytes, rates[rates.length - 1], rates[rates.length / 2]);
  }
}
