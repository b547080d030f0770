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
    List<Long> plain = new ArrayList<>();
    List<Long> prot = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      plain.add(run(jar, "plain"));
      prot.add(run(jar, "protected"));
    }
    long p = median(plain);
    long q = median(prot);
    System.out.printf("first invocation, fresh JVM, median of %d runs: plain %d ms, protected %d ms, library cost %d ms%n",
        runs, p / 1_000_000, q / 1_000_000, (q - p) / 1_000_000);
    System.out.println("plain runs (ms): " + ms(plain));
    System.out.println("protected runs (ms): " + ms(prot));
  }

  /** Wall time of a child JVM from spawn to exit, which builds the handler and runs one invocation. */
  private static long run(String jar, String kind) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", jar, ColdStart.class.getName(), kind))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int code = p.waitFor();
    long elapsed = System.nanoTime() - start;
    if (code != 0) {
      throw new IllegalStateException(kind + " probe failed with exit code " + code);
    }
    return elapsed;
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
