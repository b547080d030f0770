package dev.bulwark.runtime;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where Bulwark writes its JSON lines: one line per {@link SecurityEvent} and CloudWatch Embedded
 * Metric Format documents. The default writes to standard output, which Lambda sends to the
 * function's CloudWatch log group.
 *
 * <pre>{@code
 * List<String> lines = new CopyOnWriteArrayList<>();
 * Protection p = Protection.builder().eventSink(lines::add).build();
 * }</pre>
 */
@FunctionalInterface
public interface EventSink {

  /** Writes one complete JSON document without a line break. Must be thread-safe. */
  void write(String jsonLine);

  /** Writes each line to standard output. */
  static EventSink stdout() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    return line -> {
      synchronized (out) {
        out.println(line);
      }
    };
  }
}
