package dev.bulwark.runtime.internal.config;

import dev.bulwark.runtime.ApiKeys;
import dev.bulwark.runtime.AuthRequirement;
import dev.bulwark.runtime.BatchFailureMode;
import dev.bulwark.runtime.BulwarkSettings;
import dev.bulwark.runtime.ClientKey;
import dev.bulwark.runtime.Exemption;
import dev.bulwark.runtime.InvocationBudget;
import dev.bulwark.runtime.Jwt;
import dev.bulwark.runtime.Limits;
import dev.bulwark.runtime.Mode;
import dev.bulwark.runtime.RateLimit;
import dev.bulwark.runtime.Route;
import dev.bulwark.runtime.WebhookSignature;
import dev.bulwark.runtime.detect.AttackClass;
import dev.bulwark.runtime.internal.decode.Strings;
import dev.bulwark.runtime.internal.json.Json;
import dev.bulwark.runtime.internal.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads configuration from files (JSON, or YAML with snakeyaml-engine) and environment variables
 * into settings. Every error names the source, the key path and the reason; unknown keys are
 * errors, so typos do not silently weaken protection.
 */
public final class ConfigReader {

  private final String source;

  private ConfigReader(String source) {
    this.source = source;
  }

  /** A configuration error: source, key path and reason. */
  public static final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  // ------------------------------------------------------------------ entry points

  public static void fromFile(Path file, BulwarkSettings<?> target) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    fromText(text, file.toString(), target);
  }

  public static void fromText(String text, String source, BulwarkSettings<?> target) {
    String lower = source.toLowerCase(Locale.ROOT);
    Object tree;
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      tree = Yaml.load(text, source);
    } else {
      try {
        tree = Json.parse(text, 64);
      } catch (JsonException e) {
        throw new ConfigException(source + ": " + e.getMessage());
      }
    }
    if (!(tree instanceof Map<?, ?> m)) {
      throw new ConfigException(source + ": the configuration must be an object");
    }
    new ConfigReader(source).apply(m, target);
  }

  public static void fromEnvironment(Map<String, String> env, BulwarkSettings<?> target, @Nullable ClassLoader loader) {
    String config = env.get("BULWARK_CONFIG");
    if (config != null && !config.isBlank()) {
      if (config.startsWith("classpath:")) {
        String name = config.substring("classpath:".length());
        String text = resource(loader, name);
        if (text == null) {
          throw new ConfigException("BULWARK_CONFIG: class path resource '" + name + "' does not exist");
        }
        fromText(text, name, target);
      } else {
        fromFile(Path.of(config), target);
      }
    } else {
      for (String name : List.of("bulwark.json", "bulwark.yaml", "bulwark.yml")) {
        String text = resource(loader, name);
        if (text != null) {
          fromText(text, name, target);
          break;
        }
      }
    }
    new Env(env, target).apply();
  }

  private static @Nullable String resource(@Nullable ClassLoader loader, String name) {
    ClassLoader cl = loader != null ? loader : ConfigReader.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(name + ": cannot read: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ the file format

  private static final Set<String> TOP =
      Set.of("mode", "failClosed", "batchFailures", "detectionBudgetMillis", "blockConfidence", "limits",
          "jwt", "apiKeys", "webhook", "rateLimit", "invocationBudget", "routes", "exempt");

  private void apply(Map<?, ?> m, BulwarkSettings<?> t) {
    known(m, "", TOP);
    guard("mode", () -> { if (m.containsKey("mode")) t.mode(Mode.parse(string(m, "mode", ""))); });
    guard("failClosed", () -> { if (m.containsKey("failClosed")) t.failClosed(bool(m, "failClosed", "")); });
    guard("batchFailures", () -> {
      if (m.containsKey("batchFailures")) {
        t.batchFailures(BatchFailureMode.parse(string(m, "batchFailures", "")));
      }
    });
    guard("detectionBudgetMillis", () -> {
      if (m.containsKey("detectionBudgetMillis")) {
        t.detectionBudget(Duration.ofMillis(number(m, "detectionBudgetMillis", "")));
      }
    });
    guard("blockConfidence", () -> {
      if (m.containsKey("blockConfidence")) {
        Object v = m.get("blockConfidence");
        if (!(v instanceof Number n)) {
          throw error("blockConfidence", "expected a number");
        }
        t.blockConfidence(n.doubleValue());
      }
    });
    if (m.get("limits") != null) {
      t.limits(limits(object(m, "limits", ""), "limits"));
    }
    if (m.get("jwt") != null) {
      t.jwt(jwt(object(m, "jwt", ""), "jwt"));
    }
    if (m.get("apiKeys") != null) {
      t.apiKeys(apiKeys(object(m, "apiKeys", ""), "apiKeys"));
    }
    if (m.get("webhook") != null) {
      t.webhook(webhook(object(m, "webhook", ""), "webhook"));
    }
    if (m.get("rateLimit") != null) {
      t.rateLimit(rateLimit(object(m, "rateLimit", ""), "rateLimit"));
    }
    if (m.get("invocationBudget") != null) {
      t.invocationBudget(budget(object(m, "invocationBudget", ""), "invocationBudget"));
    }
    if (m.get("routes") != null) {
      List<?> routes = list(m, "routes", "");
      for (int i = 0; i < routes.size(); i++) {
        String path = "routes[" + i + "]";
        if (!(routes.get(i) instanceof Map<?, ?> r)) {
          throw error(path, "expected an object");
        }
        t.route(route(r, path));
      }
    }
    if (m.get("exempt") != null) {
      for (Exemption e : exemptions(list(m, "exempt", ""), "exempt")) {
        t.exempt(e);
      }
    }
  }

  private Limits limits(Map<?, ?> m, String path) {
    known(m, path, Set.of("maxBodyBytes", "maxDepth", "maxArrayLength", "maxStringLength"));
    Limits.Builder b = Limits.builder();
    guard(path, () -> {
      if (m.containsKey("maxBodyBytes")) b.maxBodyBytes(number(m, "maxBodyBytes", path));
      if (m.containsKey("maxDepth")) b.maxDepth((int) number(m, "maxDepth", path));
      if (m.containsKey("maxArrayLength")) b.maxArrayLength((int) number(m, "maxArrayLength", path));
      if (m.containsKey("maxStringLength")) b.maxStringLength((int) number(m, "maxStringLength", path));
    });
    return b.build();
  }

  private Jwt jwt(Map<?, ?> m, String path) {
    known(m, path, Set.of("jwksUrl", "jwks", "hmacSecretEnv", "issuer", "audience", "algorithms",
        "maxSkewSeconds", "header", "cacheTtlSeconds", "fetchTimeoutMillis", "minRefreshSeconds"));
    Jwt.Builder b = Jwt.builder();
    return guard(path, () -> {
      if (m.containsKey("jwksUrl")) b.jwksUrl(URI.create(string(m, "jwksUrl", path)));
      if (m.get("jwks") instanceof Map<?, ?> keys) b.jwks(Json.write(keys));
      if (m.containsKey("hmacSecretEnv")) {
        String var = string(m, "hmacSecretEnv", path);
        String secret = System.getenv(var);
        if (secret == null) {
          throw error(path + ".hmacSecretEnv", "environment variable " + var + " is not set");
        }
        b.hmacSecret(secret.getBytes(StandardCharsets.UTF_8));
      }
      if (m.containsKey("issuer")) b.issuer(string(m, "issuer", path));
      for (String a : strings(m, "audience", path)) b.audience(a);
      for (String a : strings(m, "algorithms", path)) b.algorithms(a);
      if (m.containsKey("maxSkewSeconds")) b.maxSkew(Duration.ofSeconds(number(m, "maxSkewSeconds", path)));
      if (m.containsKey("header")) b.header(string(m, "header", path));
      if (m.containsKey("cacheTtlSeconds")) b.cacheTtl(Duration.ofSeconds(number(m, "cacheTtlSeconds", path)));
      if (m.containsKey("fetchTimeoutMillis")) b.fetchTimeout(Duration.ofMillis(number(m, "fetchTimeoutMillis", path)));
      if (m.containsKey("minRefreshSeconds")) b.minRefreshInterval(Duration.ofSeconds(number(m, "minRefreshSeconds", path)));
      return b.build();
    });
  }

  private ApiKeys apiKeys(Map<?, ?> m, String path) {
    known(m, path, Set.of("header", "keys"));
    ApiKeys.Builder b = ApiKeys.builder();
    return guard(path, () -> {
      if (m.containsKey("header")) b.header(string(m, "header", path));
      Map<?, ?> keys = object(m, "keys", path);
      for (Map.Entry<?, ?> e : keys.entrySet()) {
        if (!(e.getValue() instanceof String h)) {
          throw error(path + ".keys." + e.getKey(), "expected the key's hex SHA-256");
        }
        b.key(String.valueOf(e.getKey()), h);
      }
      return b.build();
    });
  }

  private WebhookSignature webhook(Map<?, ?> m, String path) {
    known(m, path, Set.of("style", "secretEnv", "toleranceSeconds", "routes"));
    return guard(path, () -> {
      WebhookSignature.Style style = WebhookSignature.Style.parse(string(m, "style", path));
      String var = string(m, "secretEnv", path);
      String secret = System.getenv(var);
      if (secret == null) {
        throw error(path + ".secretEnv", "environment variable " + var + " is not set");
      }
      WebhookSignature.Builder b = WebhookSignature.builder(style, secret.getBytes(StandardCharsets.UTF_8));
      if (m.containsKey("toleranceSeconds")) b.tolerance(Duration.ofSeconds(number(m, "toleranceSeconds", path)));
      for (String r : strings(m, "routes", path)) b.routes(r);
      return b.build();
    });
  }

  private RateLimit rateLimit(Map<?, ?> m, String path) {
    known(m, path, Set.of("rate", "key", "redisUrl", "maxClients"));
    return guard(path, () -> {
      RateLimit.Builder b = RateLimit.parse(string(m, "rate", path));
      if (m.containsKey("key")) b.by(ClientKey.parse(string(m, "key", path)));
      if (m.containsKey("redisUrl")) b.redis(URI.create(string(m, "redisUrl", path)));
      if (m.containsKey("maxClients")) b.maxClients((int) number(m, "maxClients", path));
      return b.build();
    });
  }

  private InvocationBudget budget(Map<?, ?> m, String path) {
    known(m, path, Set.of("budget", "redisUrl"));
    return guard(path, () -> {
      InvocationBudget.Builder b = InvocationBudget.parse(string(m, "budget", path));
      if (m.containsKey("redisUrl")) b.redis(URI.create(string(m, "redisUrl", path)));
      return b.build();
    });
  }

  private Route route(Map<?, ?> m, String path) {
    known(m, path, Set.of("route", "auth", "scopes", "claims", "schema", "contentTypes", "limits", "exempt"));
    Route.Builder b = guard(path + ".route", () -> Route.builder(string(m, "route", path)));
    guard(path, () -> {
      if (m.containsKey("auth")) {
        String a = string(m, "auth", path).toUpperCase(Locale.ROOT).replace('-', '_');
        try {
          b.auth(AuthRequirement.valueOf(a));
        } catch (IllegalArgumentException e) {
          throw error(path + ".auth", "'" + a.toLowerCase(Locale.ROOT) + "' is not one of: any, jwt, api-key, none");
        }
      }
      b.requireScopes(strings(m, "scopes", path).toArray(new String[0]));
      if (m.get("claims") != null) {
        for (Map.Entry<?, ?> e : object(m, "claims", path).entrySet()) {
          b.requireClaim(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
      }
      Object schema = m.get("schema");
      if (schema instanceof Map<?, ?> s) {
        b.schema(Json.write(s));
      } else if (schema != null) {
        throw error(path + ".schema", "expected a JSON Schema object");
      }
      b.contentTypes(strings(m, "contentTypes", path).toArray(new String[0]));
    });
    if (m.get("limits") != null) {
      b.limits(limits(object(m, "limits", path), path + ".limits"));
    }
    if (m.get("exempt") != null) {
      for (Exemption e : exemptions(list(m, "exempt", path), path + ".exempt")) {
        b.exempt(e.location(), e.classes().toArray(new AttackClass[0]));
      }
    }
    return b.build();
  }

  private List<Exemption> exemptions(List<?> items, String path) {
    List<Exemption> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> m)) {
        throw error(p, "expected an object with location and classes");
      }
      known(m, p, Set.of("location", "classes"));
      String location = string(m, "location", p);
      Set<AttackClass> classes = new LinkedHashSet<>();
      for (String c : strings(m, "classes", p)) {
        classes.add(attackClass(c, p + ".classes"));
      }
      out.add(guard(p, () -> new Exemption(location, classes)));
    }
    return out;
  }

  private AttackClass attackClass(String label, String path) {
    for (AttackClass c : AttackClass.values()) {
      if (c.label().equals(label) || c.name().equalsIgnoreCase(label)) {
        return c;
      }
    }
    List<String> labels = new ArrayList<>();
    for (AttackClass c : AttackClass.values()) {
      labels.add(c.label());
    }
    throw error(path, "'" + label + "' is not one of " + labels);
  }

  // ------------------------------------------------------------------ typed access

  private void known(Map<?, ?> m, String path, Set<String> keys) {
    for (Object k : m.keySet()) {
      if (!keys.contains(String.valueOf(k))) {
        throw error(path.isEmpty() ? String.valueOf(k) : path + "." + k,
            "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
      }
    }
  }

  private String string(Map<?, ?> m, String key, String path) {
    Object v = m.get(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw error(join(path, key), v == null ? "is required" : "expected a non-blank string");
    }
    return s;
  }

  private boolean bool(Map<?, ?> m, String key, String path) {
    Object v = m.get(key);
    if (!(v instanceof Boolean b)) {
      throw error(join(path, key), "expected true or false");
    }
    return b;
  }

  private long number(Map<?, ?> m, String key, String path) {
    Object v = m.get(key);
    if (!(v instanceof Integer || v instanceof Long)) {
      throw error(join(path, key), "expected a whole number");
    }
    return ((Number) v).longValue();
  }

  private Map<?, ?> object(Map<?, ?> m, String key, String path) {
    Object v = m.get(key);
    if (!(v instanceof Map<?, ?> o)) {
      throw error(join(path, key), v == null ? "is required" : "expected an object");
    }
    return o;
  }

  private List<?> list(Map<?, ?> m, String key, String path) {
    Object v = m.get(key);
    if (!(v instanceof List<?> l)) {
      throw error(join(path, key), "expected a list");
    }
    return l;
  }

  /** A string or a list of strings; empty when absent. */
  private List<String> strings(Map<?, ?> m, String key, String path) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof String s)) {
          throw error(join(path, key), "expected a list of strings");
        }
        out.add(s);
      }
      return out;
    }
    throw error(join(path, key), "expected a string or a list of strings");
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private ConfigException error(String path, String reason) {
    return new ConfigException(source + ": " + path + ": " + reason);
  }

  private interface Step<T> {
    T run();
  }

  private <T> T guard(String path, Step<T> step) {
    try {
      return step.run();
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw error(path, e.getMessage());
    }
  }

  private void guard(String path, Runnable step) {
    guard(path, () -> {
      step.run();
      return null;
    });
  }

  // ------------------------------------------------------------------ environment variables

  private static final class Env {
    private final Map<String, String> env;
    private final BulwarkSettings<?> t;

    Env(Map<String, String> env, BulwarkSettings<?> t) {
      this.env = env;
      this.t = t;
    }

    void apply() {
      with("BULWARK_MODE", v -> t.mode(Mode.parse(v)));
      with("BULWARK_FAIL_CLOSED", v -> t.failClosed(parseBool(v)));
      with("BULWARK_BATCH_FAILURES", v -> t.batchFailures(BatchFailureMode.parse(v)));
      with("BULWARK_DETECTION_BUDGET_MS", v -> t.detectionBudget(Duration.ofMillis(Long.parseLong(v.trim()))));
      with("BULWARK_BLOCK_CONFIDENCE", v -> t.blockConfidence(Double.parseDouble(v.trim())));
      with("BULWARK_MAX_BODY_BYTES", v -> t.limits(Limits.builder().maxBodyBytes(Long.parseLong(v.trim())).build()));
      String jwks = env.get("BULWARK_JWT_JWKS_URL");
      if (jwks != null && !jwks.isBlank()) {
        with("BULWARK_JWT_JWKS_URL", v -> {
          Jwt.Builder b = Jwt.builder().jwksUrl(URI.create(v.trim()));
          String iss = env.get("BULWARK_JWT_ISSUER");
          if (iss != null && !iss.isBlank()) {
            b.issuer(iss.trim());
          }
          for (String a : csv(env.get("BULWARK_JWT_AUDIENCE"))) {
            b.audience(a);
          }
          for (String a : csv(env.get("BULWARK_JWT_ALGORITHMS"))) {
            b.algorithms(a);
          }
          t.jwt(b.build());
        });
      }
      with("BULWARK_API_KEYS", v -> {
        ApiKeys.Builder b = ApiKeys.builder();
        for (String pair : csv(v)) {
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("'" + pair + "' is not client=sha256hex");
          }
          b.key(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        t.apiKeys(b.build());
      });
      String secret = env.get("BULWARK_WEBHOOK_SECRET");
      with("BULWARK_WEBHOOK_STYLE", v -> {
        if (secret == null || secret.isEmpty()) {
          throw new IllegalArgumentException("BULWARK_WEBHOOK_SECRET must be set too");
        }
        t.webhook(WebhookSignature.builder(WebhookSignature.Style.parse(v), secret.getBytes(StandardCharsets.UTF_8)).build());
      });
      String redis = env.get("BULWARK_REDIS_URL");
      with("BULWARK_RATE_LIMIT", v -> {
        RateLimit.Builder b = RateLimit.parse(v);
        String key = env.get("BULWARK_RATE_LIMIT_KEY");
        if (key != null && !key.isBlank()) {
          b.by(ClientKey.parse(key));
        }
        if (redis != null && !redis.isBlank()) {
          b.redis(URI.create(redis.trim()));
        }
        t.rateLimit(b.build());
      });
      with("BULWARK_INVOCATION_BUDGET", v -> {
        InvocationBudget.Builder b = InvocationBudget.parse(v);
        if (redis != null && !redis.isBlank()) {
          b.redis(URI.create(redis.trim()));
        }
        t.invocationBudget(b.build());
      });
    }

    private void with(String name, java.util.function.Consumer<String> apply) {
      String v = env.get(name);
      if (v == null || v.isBlank()) {
        return;
      }
      try {
        apply.accept(v);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new ConfigException("environment variable " + name + ": " + e.getMessage());
      }
    }

    private static boolean parseBool(String v) {
      String s = v.trim().toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("1") || s.equals("yes")) {
        return true;
      }
      if (s.equals("false") || s.equals("0") || s.equals("no")) {
        return false;
      }
      throw new IllegalArgumentException("'" + v + "' is not true or false");
    }

    private static List<String> csv(@Nullable String v) {
      List<String> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      for (String s : Strings.split(v, ',')) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
      return out;
    }
  }
}
