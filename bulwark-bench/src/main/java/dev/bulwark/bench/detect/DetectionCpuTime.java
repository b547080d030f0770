package dev.bulwark.bench.detect;

import dev.bulwark.runtime.detect.Detectors;
import dev.bulwark.runtime.detect.Input;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Thread CPU time of detection on the 2 KB event, per invocation: the median and 99th percentile
 * that a busy shared machine cannot inflate with time spent waiting for a core. Complements the
 * JMH wall-clock figures. Run: {@code java -cp bulwark-bench/target/benchmarks.jar
 * dev.bulwark.bench.detect.DetectionCpuTime}.
 */
public final class DetectionCpuTime {

  private DetectionCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (!mx.isCurrentThreadCpuTimeSupported()) {
      System.err.println("thread CPU time is not supported by this JVM");
      System.exit(2);
    }
    Detectors detectors = Detectors.defaults();
    List<Input> event = SyntheticEvents.apiEvent2k();
    System.out.printf(Locale.ROOT, "2 KB event: %d inputs, %d characters%n", event.size(),
        SyntheticEvents.size(event));
    long sink = 0;
    for (int i = 0; i < 300_000; i++) {
      sink += detectors.detectAll("POST /v1/orders/{id}/items", event).size();
    }
    // the clock read itself costs about a microsecond: measure it and subtract it
    long[] clock = new long[20_000];
    for (int i = 0; i < clock.length; i++) {
      long a = mx.getCurrentThreadCpuTime();
      clock[i] = mx.getCurrentThreadCpuTime() - a;
    }
    Arrays.sort(clock);
    long overhead = clock[clock.length / 2];
    long[] t = new long[100_000];
    for (int i = 0; i < t.length; i++) {
      long a = mx.getCurrentThreadCpuTime();
      sink += detectors.detectAll("POST /v1/orders/{id}/items", event).size();
      t[i] = mx.getCurrentThreadCpuTime() - a - overhead;
    }
    Arrays.sort(t);
    System.out.printf(Locale.ROOT,
        "CPU time per invocation: p50 %.1f us, p90 %.1f us, p99 %.1f us (clock read %.1f us"
            + " subtracted)%n",
        t[t.length / 2] / 1e3, t[t.length * 9 / 10] / 1e3, t[t.length * 99 / 100] / 1e3,
        overhead / 1e3);
    if (sink < 0) {
      System.out.println(sink);
    }
  }
}
