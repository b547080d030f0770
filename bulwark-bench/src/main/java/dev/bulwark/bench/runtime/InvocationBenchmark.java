package dev.bulwark.bench.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bulwark.runtime.Protection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * Per-invocation overhead with every network-free guard on (API key, limits, detection, rate
 * limit, wallet), for a benign event that passes all of them. Sample time gives the median and
 * p99; the {@code plain*} benchmarks are the same handler without protection.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class InvocationBenchmark {

  /** Body size in bytes: 1400 gives a ~2 KB API Gateway event; 65536 and 262144 show linearity. */
  @Param({"1400", "65536", "262144"})
  public int bodyBytes;

  private Map<String, Object> event;
  private Map<String, Object> batch;
  private byte[] eventBytes;
  private RequestHandler<Map<String, Object>, Object> plain;
  private RequestHandler<Map<String, Object>, Object> protectedHandler;
  private RequestStreamHandler protectedStream;

  @Setup(Level.Trial)
  public void setUp() {
    event = Events.httpApi(bodyBytes);
    batch = Events.sqs(10);
    eventBytes = dev.bulwark.runtime.internal.json.Json.write(event).getBytes(StandardCharsets.UTF_8);
    plain = (e, c) -> e.size();
    Protection p = Events.allGuards();
    protectedHandler = p.wrap(plain);
    protectedStream = p.wrap((RequestStreamHandler) (in, out, c) -> out.write(in.read()));
    Object r = protectedHandler.handleRequest(event, Events.CONTEXT);
    if (!(r instanceof Integer)) {
      throw new IllegalStateException("the benchmark event was rejected: " + r);
    }
  }

  @Benchmark
  public Object plainHttpApi() {
    return plain.handleRequest(event, Events.CONTEXT);
  }

  @Benchmark
  public Object protectedHttpApi() {
    return protectedHandler.handleRequest(event, Events.CONTEXT);
  }

  /** The stream path also parses the event JSON (which Lambda's own serializer does otherwise). */
  @Benchmark
  public int protectedHttpApiStream() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    protectedStream.handleRequest(new ByteArrayInputStream(eventBytes), out, Events.CONTEXT);
    return out.size();
  }

  @Benchmark
  public Object protectedSqsBatchOf10() {
    return protectedHandler.handleRequest(batch, Events.CONTEXT);
  }
}
