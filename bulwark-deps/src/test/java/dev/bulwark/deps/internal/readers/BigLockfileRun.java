package dev.bulwark.deps.internal.readers;

import dev.bulwark.deps.DepsLimits;
import java.lang.management.ManagementFactory;
import java.util.HashMap;

/**
 * Throughput and memory of reading generated npm lockfiles of growing size (not a unit test).
 * Prints, per size, the best of several reads and the heap retained by the parsed result.
 *
 * <p>Run: {@code ./mvnw -q -B -o -pl bulwark-deps -am test-compile -DskipTests} then {@code java
 * -Xmx512m -cp "bulwark-deps/target/test-classes:bulwark-deps/target/classes:$(cat cp.txt)"
 * dev.bulwark.deps.internal.readers.BigLockfileRun} with the test classpath in {@code cp.txt}
 * ({@code ./mvnw -q -o -pl bulwark-deps dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class BigLockfileRun {
  private BigLockfileRun() {}

  public static void main(String[] args) {
    FilesContext ctx = new FilesContext(new HashMap<>(), DepsLimits.defaults(), p -> null);
    for (int n : new int[] {1_000, 5_000, 20_000, 50_000}) {
      byte[] lock = BigLockfiles.npmV3(n);
      SourceFile f = new SourceFile("package-lock.json", lock);
      long best = Long.MAX_VALUE;
      ReadResult kept = null;
      for (int round = 0; round < 8; round++) {
        long t0 = System.nanoTime();
        kept = Collector.parse(f, Format.NPM_LOCK, ctx);
        best = Math.min(best, System.nanoTime() - t0);
      }
      System.gc();
      long before = used();
      ReadResult again = Collector.parse(f, Format.NPM_LOCK, ctx);
      System.gc();
      long retained = used() - before;
      System.out.printf("%6d packages, %6d KiB: best %6.1f ms (%5.2f us/package), result retains ~%d KiB, %d components%n",
          n, lock.length / 1024, best / 1e6, best / 1e3 / n, Math.max(0, retained) / 1024,
          again.components().size() + (kept == null ? 0 : 0));
    }
  }

  private static long used() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
