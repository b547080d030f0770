package dev.bulwark.bench.detect;

import dev.bulwark.runtime.detect.Detection;
import dev.bulwark.runtime.detect.Detectors;
import dev.bulwark.runtime.detect.Input;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Detection cost per invocation: all built-in detectors over the inputs of a 2 KB API Gateway
 * event (clean and with one injection), and over large bodies, both as one text and as the fields
 * of a JSON document, at several sizes to show linear growth.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DetectionBenchmark {

  private final Detectors detectors = Detectors.defaults();

  private List<Input> event;
  private List<Input> attackEvent;

  @Setup(Level.Trial)
  public void setUp() {
    event = SyntheticEvents.apiEvent2k();
    attackEvent = SyntheticEvents.apiEvent2kWithAttack();
  }

  @Benchmark
  public List<Detection> apiEvent2k() {
    return detectors.detectAll("POST /v1/orders/{id}/items", event);
  }

  @Benchmark
  public List<Detection> apiEvent2kWithInjection() {
    return detectors.detectAll("POST /v1/orders/{id}/items", attackEvent);
  }

  /** Large bodies: one text input, and the same size as JSON fields. */
  @State(Scope.Benchmark)
  public static class Bodies {
    @Param({"16384", "65536", "262144"})
    public int size;

    Input text;
    List<Input> fields;

    @Setup(Level.Trial)
    public void setUp() {
      text = Input.value("body", SyntheticEvents.prose(size, 7));
      fields = SyntheticEvents.jsonBodyFields(size, 7);
    }
  }

  @Benchmark
  public List<Detection> textBody(Bodies b) {
    return detectors.detect("POST /v1/notes", b.text);
  }

  @Benchmark
  public List<Detection> jsonBody(Bodies b) {
    return detectors.detectAll("POST /v1/records", b.fields);
  }
}
