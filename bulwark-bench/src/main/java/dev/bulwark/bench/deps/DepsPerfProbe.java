package dev.bulwark.bench.deps;

import dev.bulwark.deps.Advisory;
import dev.bulwark.deps.Component;
import dev.bulwark.deps.MatchResult;
import dev.bulwark.deps.Matcher;
import dev.bulwark.deps.VulnerabilityDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Development tool: the same work as {@link AdvisoryLoadBenchmark} and {@link MatchBenchmark},
 * timed in wall-clock and in CPU time of the running thread, plus the first (cold) load and match
 * in a fresh JVM, which is what one CLI scan pays. On a shared machine the wall-clock
 * time measures the other tenants as much as Bulwark; the CPU time does not.
 *
 * <pre>
 * java -cp bulwark-bench/target/benchmarks.jar dev.bulwark.bench.deps.DepsPerfProbe [runs]
 * </pre>
 */
public final class DepsPerfProbe {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DepsPerfProbe() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    System.out.printf("processors %d, load average %.1f%n", os.getAvailableProcessors(),
        os.getSystemLoadAverage());
    Path root = OsvCorpus.root();
    long w0 = System.nanoTime();
    VulnerabilityDatabase cold = VulnerabilityDatabase.load(root);
    double coldLoad = (System.nanoTime() - w0) / 1e6;
    List<Advisory> parsed = OsvCorpus.advisories(root);
    VulnerabilityDatabase db = VulnerabilityDatabase.of(parsed);
    Matcher matcher = new Matcher(db);
    List<Component> components = OsvCorpus.components(parsed, 10_000, 42);
    w0 = System.nanoTime();
    MatchResult r = new Matcher(cold).match(components);
    double coldMatch = (System.nanoTime() - w0) / 1e6;
    System.out.printf("cold (first in this JVM): load %.1f ms, match 10,000 %.1f ms%n", coldLoad,
        coldMatch);
    System.out.printf("%d advisories, 10,000 packages: %d matches, %d not checkable%n",
        db.size(), r.matches().size(), r.unchecked().size());
    time("load PyPI+Go (parse + index)", runs, () -> VulnerabilityDatabase.load(root));
    time("index only (parsed advisories)", runs, () -> VulnerabilityDatabase.of(parsed));
    time("match 10,000 packages", runs, () -> matcher.match(components));
    System.out.printf("load average %.1f%n", os.getSystemLoadAverage());
  }

  private static void time(String what, int runs, Supplier<Object> work) {
    for (int i = 0; i < 3; i++) {
      work.get();
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long w0 = System.nanoTime();
      long c0 = THREADS.getCurrentThreadCpuTime();
      work.get();
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
      wall[i] = (System.nanoTime() - w0) / 1e6;
    }
    System.out.printf("%-34s median wall %7.1f ms, median CPU %7.1f ms (min CPU %.1f)%n", what,
        median(wall), median(cpu), Arrays.stream(cpu).min().orElse(0));
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
