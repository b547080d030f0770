package dev.bulwark.secrets;

import dev.bulwark.core.Finding;
import dev.bulwark.core.ScanError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Robustness and precision run over a folder of real files (not a unit test): scans the folder as
 * a user would, with test folders included, and prints every finding (redacted, as always), the
 * errors, counts by rule and the throughput. Nothing may crash or hang; every finding printed is
 * either a real secret or a false positive to study.
 *
 * <p>Run: {@code java -cp <test classpath> dev.bulwark.secrets.CorpusRobustnessRun
 * /work/shared/corpus/serverless-patterns}
 */
public final class CorpusRobustnessRun {

  private CorpusRobustnessRun() {}

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "/work/shared/corpus/serverless-patterns");
    if (!Files.exists(root)) {
      System.out.println("corpus not found: " + root + " (nothing to run)");
      return;
    }
    SecretScanner scanner = SecretScanner.builder().skipTestFolders(false).build();
    long start = System.nanoTime();
    SecretScanResult r = scanner.scanPath(root, root.getFileName().toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> byRule = new TreeMap<>();
    for (Finding f : r.findings()) {
      byRule.merge(f.ruleId() + " " + f.properties().get("kind"), 1, Integer::sum);
      System.out.println(f.location() + "  " + f.ruleId() + " " + f.severity().label() + "  "
          + f.message());
    }
    for (ScanError e : r.errors()) {
      System.out.println("error: " + e);
    }
    System.out.printf("%d files, %d binary skipped, %.1f MB in %.2f s (%.1f MB/s)%n",
        r.filesScanned(), r.binarySkipped(), r.bytesScanned() / 1e6, seconds,
        r.bytesScanned() / 1e6 / seconds);
    System.out.println("findings by rule: " + byRule);
    System.out.println("errors: " + r.errors().size());
  }
}
