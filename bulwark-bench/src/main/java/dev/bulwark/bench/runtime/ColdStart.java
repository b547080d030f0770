package dev.bulwark.bench.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.Protection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Cold-start cost: starts fresh JVMs that build a handler and run its first invocation (a 2 KB
 * API Gateway event), with and without bulwark-runtime (defaults: detection, limits; block mode),
 * and prints the medians and their difference.
 *
 * <pre>java -cp bulwark-bench/target/benchmarks.jar dev.bulwark.bench.runtime.ColdStart 15</pre>
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && (args[0].equals("plain") || args[0].equals("protected"))) {
      probe(args[0].equals("protected"));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    String jar = Path.of(ColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<Long> plainWall = new ArrayList<>();
    List<Long> protWall = new ArrayList<>();
    List<Long> plainCpu = new ArrayList<>();
    List<Long> protCpu = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long[] a = run(jar, "plain");
      long[] b = run(jar, "protected");
      plainWall.add(a[0]);
      plainCpu.add(a[1]);
      protWall.add(b[0]);
      protCpu.add(b[1]);
    }
    System.out.printf("first invocation in a fresh JVM, median of %d runs%n", runs);
    System.out.printf("  wall time (spawn to exit): plain %d ms, protected %d ms, library cost %d ms%n",
        median(plainWall) / 1_000_000, median(protWall) / 1_000_000, (median(protWall) - median(plainWall)) / 1_000_000);
    System.out.printf("  process CPU time:          plain %d ms, protected %d ms, library cost %d ms%n",
        median(plainCpu) / 1_000_000, median(protCpu) / 1_000_000, (median(protCpu) - median(plainCpu)) / 1_000_000);
    System.out.println("  plain wall (ms): " + ms(plainWall) + ", protected wall (ms): " + ms(protWall));
  }

  /**
   * Wall time of a child JVM from spawn to exit, which builds the handler and runs one
   * invocation, and the CPU time the child reports for itself (less sensitive to a busy machine).
   */
  private static long[] run(String jar, String kind) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", jar, ColdStart.class.getName(), kind))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    int code = p.waitFor();
    long elapsed = System.nanoTime() - start;
    if (code != 0) {
      throw new IllegalStateException(kind + " probe failed with exit code " + code + ": " + out);
    }
    return new long[] {elapsed, Long.parseLong(out)};
  }

  private static void probe(boolean protect) {
    RequestHandler<Map<String, Object>, Object> handler = (e, c) -> Map.of("statusCode", 200);
    if (protect) {
      handler = Protection.builder().mode(Mode.BLOCK).eventSink(line -> {}).build().wrap(handler);
    }
    Object r = handler.handleRequest(Events.httpApi(1400), Events.CONTEXT);
    if (!(r instanceof Map<?, ?> m) || !Integer.valueOf(200).equals(m.get("statusCode"))) {
      throw new IllegalStateException("unexpected response " + r);
    }
    System.out.println(ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L));
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  private static String ms(List<Long> xs) {
    return xs.stream().map(x -> String.valueOf(x / 1_000_000)).toList().toString();
  }
}
