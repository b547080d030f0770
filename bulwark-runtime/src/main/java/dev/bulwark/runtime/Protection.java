package dev.bulwark.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.bulwark.runtime.internal.auth.AuthGuard;
import dev.bulwark.runtime.internal.auth.JwtVerifier;
import dev.bulwark.runtime.internal.auth.TokenVerifier;
import dev.bulwark.runtime.internal.auth.WebhookGuard;
import dev.bulwark.runtime.internal.config.Optional;
import dev.bulwark.runtime.internal.decode.EventDecoder;
import dev.bulwark.runtime.internal.guard.DetectGuard;
import dev.bulwark.runtime.internal.guard.Guard;
import dev.bulwark.runtime.internal.guard.GuardChain;
import dev.bulwark.runtime.internal.guard.NetworkntSchemas;
import dev.bulwark.runtime.internal.guard.SchemaCheck;
import dev.bulwark.runtime.internal.guard.ValidationGuard;
import dev.bulwark.runtime.internal.handler.Crac;
import dev.bulwark.runtime.internal.handler.Engine;
import dev.bulwark.runtime.internal.handler.ProtectedRequestHandler;
import dev.bulwark.runtime.internal.handler.ProtectedStreamHandler;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.internal.json.JsonException;
import dev.bulwark.runtime.internal.limit.Bucket4jLimiters;
import dev.bulwark.runtime.internal.limit.Limiter;
import dev.bulwark.runtime.internal.limit.RateLimitGuard;
import dev.bulwark.runtime.internal.limit.WalletGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A configured, immutable and thread-safe protection: wraps handlers and inspects events. Build
 * one per container (a static field or the handler's constructor) and reuse it.
 *
 * <pre>{@code
 * Protection protection = Protection.builder()
 *     .mode(Mode.BLOCK)
 *     .rateLimit(RateLimit.builder(100, Duration.ofMinutes(1)).build())
 *     .build();
 * RequestHandler<Map<String, Object>, Map<String, Object>> handler =
 *     protection.wrap((Map<String, Object> event, Context context) -> Map.of("statusCode", 200));
 * }</pre>
 */
public final class Protection {

  private final Engine engine;
  private final Supplier<Engine> inspection;
  private final @Nullable Object restoreHook;

  private Protection(Builder b) {
    List<Runnable> restore = new ArrayList<>();
    this.engine = engine(b, b.mode, false, restore);
    Builder snapshot = b.copy();
    this.inspection = new Once<>(() -> engine(snapshot, Mode.MONITOR, true, new ArrayList<>()));
    this.restoreHook = Crac.register(engine::afterRestore);
    warmUp(b.detector);
  }

  /**
   * Runs the detectors once during initialisation, so that their class loading and first-use
   * compilation happen before the first invocation (and in a SnapStart snapshot) instead of
   * eating that invocation's detection budget.
   */
  private static void warmUp(dev.bulwark.runtime.detect.Detector detector) {
    try {
      detector.detect(dev.bulwark.runtime.detect.Input.value("warm-up", "1' OR '1'='1 -- <a href=x>../x"));
    } catch (RuntimeException e) {
      // a detector failing here will be reported by the chain on a real invocation
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A protection configured from the configuration file and {@code BULWARK_*} variables only. */
  public static Protection fromEnvironment() {
    return builder().fromEnvironment().build();
  }

  /** Protects a {@link RequestHandler} (map or POJO events). */
  public <I, O> RequestHandler<I, O> wrap(RequestHandler<I, O> handler) {
    return new ProtectedRequestHandler<>(engine, handler, null);
  }

  /**
   * Protects a {@link RequestHandler} whose responses (for rejections) must be built as {@code
   * responseType}, such as {@code APIGatewayV2HTTPResponse}; needed when it cannot be read from
   * the handler's class (lambdas).
   */
  public <I, O> RequestHandler<I, O> wrap(RequestHandler<I, O> handler, Class<O> responseType) {
    return new ProtectedRequestHandler<>(engine, handler, responseType);
  }

  /** Protects a {@link RequestStreamHandler}. */
  public RequestStreamHandler wrap(RequestStreamHandler handler) {
    return new ProtectedStreamHandler(engine, handler);
  }

  /**
   * Decodes {@code eventJson} and runs validation and detection (no authentication, no rate
   * limits, no network, no handler, no events written): what block mode would do with it.
   * Malformed JSON gives a verdict with a {@code decode} event.
   */
  public Verdict inspect(String eventJson) {
    Object tree = null;
    String error = null;
    try {
      tree = Json.parse(eventJson);
    } catch (JsonException e) {
      error = "event is not JSON: " + e.getMessage();
    }
    Engine.Result r = inspection.get().dryRun(tree, error);
    int status = r.rejection() != null ? r.rejection().status()
        : r.wouldReject() != null ? r.wouldReject().status() : 0;
    return new Verdict(r.event().trigger(), r.event().fields().size(), status, r.wouldRejectRecordIds(), r.events());
  }

  /**
   * Re-seeds randomness, refreshes cached JWT keys and drops per-container state. Called
   * automatically after a SnapStart or CRaC restore when {@code org.crac} is on the class path.
   */
  public void afterRestore() {
    engine.afterRestore();
  }

  /** The guards in the order they run, by name (for diagnostics). */
  public List<String> guardNames() {
    List<String> out = new ArrayList<>();
    for (Guard g : engine.chain().guards()) {
      out.add(g.name());
    }
    return out;
  }

  Engine engine() {
    return engine;
  }

  boolean hasRestoreHook() {
    return restoreHook != null;
  }

  private static Engine engine(Builder b, Mode mode, boolean offline, List<Runnable> restore) {
    List<String> credentialHeaders = new ArrayList<>();
    if (b.jwt != null) {
      credentialHeaders.add(b.jwt.header());
    }
    if (b.apiKeys != null) {
      credentialHeaders.add(b.apiKeys.header());
    }
    GuardChain chain =
        new GuardChain(guards(b, offline, restore), mode, b.batchFailures, b.failClosed);
    return new Engine(mode, b.batchFailures, b.failClosed, b.clock, b.eventSink, b.routes,
        new EventDecoder(credentialHeaders), chain, b.jwt != null, restore);
  }

  /**
   * The order of the guards — the one place it is decided: authenticate, verify webhook
   * signatures, validate, detect, rate-limit per client, then spend the function's budget.
   * Offline (for inspection) keeps only validation and detection.
   */
  private static List<Guard> guards(Builder b, boolean offline, List<Runnable> restore) {
    List<Guard> g = new ArrayList<>();
    if (!offline && (b.jwt != null || b.apiKeys != null)) {
      TokenVerifier verifier = b.jwt == null ? null : Verifiers.jwt(b.jwt, b);
      if (verifier != null) {
        restore.add(verifier::refreshKeys);
      }
      g.add(new AuthGuard(verifier, b.jwt == null ? "authorization" : b.jwt.header(), b.apiKeys));
    }
    if (!offline && b.webhook != null) {
      WebhookGuard w = new WebhookGuard(b.webhook, b.clock);
      restore.add(w::afterRestore);
      g.add(w);
    }
    g.add(new ValidationGuard(b.limits, schemas(b)));
    g.add(new DetectGuard(b.detector, b.exemptions, b.blockConfidence, b.detectionBudget, b.clock));
    if (!offline && b.rateLimit != null) {
      RateLimit r = b.rateLimit;
      Lazy limiter = new Lazy(() -> r.redis() != null
          ? Bucket4jLimiters.redis(r.redis(), "bulwark:rl:" + functionKey() + ":", r.capacity(), r.period(),
              false, b.clock, java.time.Duration.ofMillis(500))
          : Bucket4jLimiters.local(r.capacity(), r.period(), false, r.maxClients(), b.clock));
      restore.add(limiter::reset);
      g.add(new RateLimitGuard(limiter, r.key()));
    }
    if (!offline && b.invocationBudget != null) {
      InvocationBudget w = b.invocationBudget;
      Lazy limiter = new Lazy(() -> w.redis() != null
          ? Bucket4jLimiters.redis(w.redis(), "bulwark:wallet:", w.maxInvocations(), w.window(), true,
              b.clock, java.time.Duration.ofMillis(500))
          : Bucket4jLimiters.local(w.maxInvocations(), w.window(), true, 1, b.clock));
      restore.add(limiter::reset);
      g.add(new WalletGuard(limiter, functionKey()));
    }
    return g;
  }

  private static Function<Route, SchemaCheck> schemas(Builder b) {
    boolean any = b.routes.stream().anyMatch(r -> r.schema() != null);
    if (!any) {
      return r -> body -> List.of();
    }
    Optional.require("com.networknt.schema.JsonSchemaFactory", "JSON Schema validation",
        "com.networknt:json-schema-validator");
    for (Route r : b.routes) {
      if (r.schema() != null) {
        try {
          Json.parse(r.schema());
        } catch (JsonException e) {
          throw new IllegalArgumentException("schema of route '" + r.pattern() + "' is not JSON: " + e.getMessage());
        }
      }
    }
    return Schemas.create();
  }

  private static String functionKey() {
    String f = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    return f == null ? "-" : f;
  }

  /** Keeps optional libraries out of class loading until their feature is configured. */
  private static final class Verifiers {
    static TokenVerifier jwt(Jwt jwt, Builder b) {
      Optional.require("com.nimbusds.jwt.SignedJWT", "JWT authentication", "com.nimbusds:nimbus-jose-jwt");
      return new JwtVerifier(jwt, b.clock);
    }
  }

  private static final class Schemas {
    static Function<Route, SchemaCheck> create() {
      NetworkntSchemas s = new NetworkntSchemas();
      return s::forRoute;
    }
  }

  /** A value computed on first use. */
  private static final class Once<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile @Nullable T value;

    Once(Supplier<T> factory) {
      this.factory = factory;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = factory.get();
            value = v;
          }
        }
      }
      return v;
    }
  }

  /** A limiter created on first use (keeps Bucket4j and Jedis out of the cold start). */
  private static final class Lazy implements Supplier<Limiter> {
    private final Supplier<Limiter> factory;
    private volatile @Nullable Limiter value;

    Lazy(Supplier<Limiter> factory) {
      this.factory = factory;
    }

    @Override
    public Limiter get() {
      Limiter v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = factory.get();
            value = v;
          }
        }
      }
      return v;
    }

    void reset() {
      Limiter v = value;
      if (v != null) {
        v.reset();
      }
    }
  }

  /** Builds a {@link Protection}; {@link #build()} does not change the builder. */
  public static final class Builder extends BulwarkSettings<Builder> {
    Builder() {}

    Builder copy() {
      return copyInto(new Builder());
    }

    /** Builds the protection; fails naming a missing optional library or a bad schema. */
    public Protection build() {
      if (rateLimit != null || invocationBudget != null) {
        Optional.require("io.github.bucket4j.Bucket", "Rate limiting", "com.bucket4j:bucket4j_jdk17-core");
        boolean redis = (rateLimit != null && rateLimit.redis() != null)
            || (invocationBudget != null && invocationBudget.redis() != null);
        if (redis) {
          Optional.require("redis.clients.jedis.JedisPool", "Redis-backed limits", "redis.clients:jedis");
          Optional.require("io.github.bucket4j.redis.jedis.Bucket4jJedis", "Redis-backed limits",
              "com.bucket4j:bucket4j_jdk17-jedis");
        }
      }
      for (Route r : routes) {
        if (r.auth() == AuthRequirement.JWT && jwt == null) {
          throw new IllegalStateException("route '" + r.pattern() + "' requires a JWT but no JWT is configured");
        }
        if (r.auth() == AuthRequirement.API_KEY && apiKeys == null) {
          throw new IllegalStateException("route '" + r.pattern() + "' requires an API key but no API keys are configured");
        }
        if ((!r.requiredScopes().isEmpty() || !r.requiredClaims().isEmpty()) && jwt == null) {
          throw new IllegalStateException("route '" + r.pattern() + "' requires scopes or claims but no JWT is configured");
        }
      }
      return new Protection(this);
    }
  }
}
