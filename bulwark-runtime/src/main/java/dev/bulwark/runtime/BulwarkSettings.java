package dev.bulwark.runtime;

import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.detect.Detector;
import dev.bulwark.runtime.detect.Detectors;
import dev.bulwark.runtime.internal.config.ConfigReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings shared by {@link Protection.Builder} and {@link Bulwark.Builder}. Every setter
 * fails fast with a message naming the bad value; settings applied later win, so {@code
 * fromEnvironment()} followed by code settings lets code override the environment.
 *
 * <pre>{@code
 * Protection p = Protection.builder()
 *     .fromEnvironment()                 // BULWARK_MODE=block, BULWARK_CONFIG=…
 *     .route(Route.builder("GET /health").auth(AuthRequirement.NONE).build())
 *     .build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class BulwarkSettings<B extends BulwarkSettings<B>> {

  Mode mode = Mode.MONITOR;
  BatchFailureMode batchFailures = BatchFailureMode.REPORT;
  boolean failClosed;
  Clock clock = Clock.systemUTC();
  Detector detector = Detectors.defaults();
  double blockConfidence = dev.bulwark.runtime.detect.Confidence.DEFAULT_BLOCK_THRESHOLD;
  Duration detectionBudget = Duration.ofMillis(50);
  Limits limits = Limits.defaults();
  final List<Route> routes = new ArrayList<>();
  final List<Exemption> exemptions = new ArrayList<>();
  @Nullable Jwt jwt;
  @Nullable ApiKeys apiKeys;
  @Nullable WebhookSignature webhook;
  @Nullable RateLimit rateLimit;
  @Nullable InvocationBudget invocationBudget;
  EventSink eventSink = EventSink.stdout();

  BulwarkSettings() {}

  /** Copies every setting into {@code target}. */
  <T extends BulwarkSettings<T>> T copyInto(T target) {
    target.mode = mode;
    target.batchFailures = batchFailures;
    target.failClosed = failClosed;
    target.clock = clock;
    target.detector = detector;
    target.blockConfidence = blockConfidence;
    target.detectionBudget = detectionBudget;
    target.limits = limits;
    target.routes.addAll(routes);
    target.exemptions.addAll(exemptions);
    target.jwt = jwt;
    target.apiKeys = apiKeys;
    target.webhook = webhook;
    target.rateLimit = rateLimit;
    target.invocationBudget = invocationBudget;
    target.eventSink = eventSink;
    return target;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** {@link Mode#MONITOR} (default) or {@link Mode#BLOCK}. */
  public B mode(Mode m) {
    this.mode = Objects.requireNonNull(m, "mode");
    return self();
  }

  /** What block mode does with attacked batch records; default {@link BatchFailureMode#REPORT}. */
  public B batchFailures(BatchFailureMode m) {
    this.batchFailures = Objects.requireNonNull(m, "batchFailures");
    return self();
  }

  /**
   * When true, an internal error of a guard rejects the invocation (503) instead of letting it
   * through. Recommended when authentication is configured.
   */
  public B failClosed(boolean closed) {
    this.failClosed = closed;
    return self();
  }

  /** The clock for token expiry, rate limits, budgets and event times. */
  public B clock(Clock c) {
    this.clock = Objects.requireNonNull(c, "clock");
    return self();
  }

  /** The attack detectors; default {@link Detectors#defaults()}. */
  public B detector(Detector d) {
    this.detector = Objects.requireNonNull(d, "detector");
    return self();
  }

  /** Detections below this confidence are logged but never block; default {@link dev.bulwark.runtime.detect.Confidence#DEFAULT_BLOCK_THRESHOLD} (0.8). */
  public B blockConfidence(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("block confidence " + threshold + " is not within [0, 1]");
    }
    this.blockConfidence = threshold;
    return self();
  }

  /**
   * Time allowed for detection per invocation; when spent, the remaining values are skipped and a
   * {@code detection-budget} event says so. Default 50 ms.
   */
  public B detectionBudget(Duration budget) {
    if (budget.isZero() || budget.isNegative() || budget.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("detection budget " + budget + " is not between 0 and 60 s");
    }
    this.detectionBudget = budget;
    return self();
  }

  public B limits(Limits l) {
    this.limits = Objects.requireNonNull(l, "limits");
    return self();
  }

  /** Adds a route; the first route matching a request applies. */
  public B route(Route r) {
    routes.add(Objects.requireNonNull(r, "route"));
    return self();
  }

  /** Exempts a location from some (or all) attack classes on every route. */
  public B exempt(Exemption e) {
    exemptions.add(Objects.requireNonNull(e, "exemption"));
    return self();
  }

  public B exempt(String location, AttackClass... classes) {
    return exempt(Exemption.of(location, classes));
  }

  public B jwt(Jwt j) {
    this.jwt = Objects.requireNonNull(j, "jwt");
    return self();
  }

  public B apiKeys(ApiKeys k) {
    this.apiKeys = Objects.requireNonNull(k, "apiKeys");
    return self();
  }

  public B webhook(WebhookSignature w) {
    this.webhook = Objects.requireNonNull(w, "webhook");
    return self();
  }

  public B rateLimit(RateLimit r) {
    this.rateLimit = Objects.requireNonNull(r, "rateLimit");
    return self();
  }

  public B invocationBudget(InvocationBudget b) {
    this.invocationBudget = Objects.requireNonNull(b, "invocationBudget");
    return self();
  }

  /** Where security events and metrics go; default standard output (CloudWatch Logs). */
  public B eventSink(EventSink sink) {
    this.eventSink = Objects.requireNonNull(sink, "eventSink");
    return self();
  }

  /**
   * Applies the configuration file named by {@code BULWARK_CONFIG} (a path, or {@code
   * classpath:name}), else {@code bulwark.json}, {@code bulwark.yaml} or {@code bulwark.yml} at the
   * root of the class path when present; then the {@code BULWARK_*} environment variables (see
   * {@code docs/runtime.md}).
   */
  public B fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** {@link #fromEnvironment()} with the given variables instead of the process's. */
  public B fromEnvironment(Map<String, String> env) {
    ConfigReader.fromEnvironment(env, this, Thread.currentThread().getContextClassLoader());
    return self();
  }

  /** Applies a JSON or YAML configuration file (by extension). Fails naming file, key and reason. */
  public B fromFile(Path file) {
    ConfigReader.fromFile(file, this);
    return self();
  }

  /**
   * Applies JSON or YAML configuration text; {@code source} names it in error messages and its
   * extension ({@code .yaml}/{@code .yml}) selects YAML.
   */
  public B fromText(String text, String source) {
    ConfigReader.fromText(text, source, this);
    return self();
  }
}
