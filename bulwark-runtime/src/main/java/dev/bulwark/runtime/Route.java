package dev.bulwark.runtime;

import dev.bulwark.runtime.detect.AttackClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rules for one route of an HTTP-triggered function: authentication, required scopes and claims,
 * a JSON Schema for the body, allowed content types, limits, and detection exemptions.
 *
 * <p>The pattern is {@code "METHOD /path"} or {@code "/path"} (any method). Path segments in braces
 * ({@code {id}}) or {@code *} match one segment; a final {@code **} or {@code {proxy+}} matches
 * the rest. It matches the request's actual path as well as API Gateway's route template, so
 * {@code "GET /orders/{id}"} matches both {@code routeKey} {@code GET /orders/{id}} and the path
 * {@code /orders/42}. The first matching route applies.
 *
 * <pre>{@code
 * Route create = Route.builder("POST /orders")
 *     .requireScopes("orders:write")
 *     .contentTypes("application/json")
 *     .schema("{\"type\":\"object\",\"required\":[\"item\"]}")
 *     .exempt("body.$.note", AttackClass.XSS)
 *     .build();
 * }</pre>
 */
public final class Route {

  private final String pattern;
  private final @Nullable String method;
  private final String[] segments;
  private final AuthRequirement auth;
  private final Set<String> scopes;
  private final Map<String, String> claims;
  private final @Nullable String schema;
  private final Set<String> contentTypes;
  private final @Nullable Limits limits;
  private final List<Exemption> exemptions;

  private Route(Builder b) {
    this.pattern = b.pattern;
    String p = b.pattern.trim();
    int sp = p.indexOf(' ');
    String m = sp < 0 ? null : p.substring(0, sp).trim().toUpperCase(Locale.ROOT);
    this.method = m == null || m.equals("ANY") || m.equals("*") ? null : m;
    String path = sp < 0 ? p : p.substring(sp + 1).trim();
    this.segments = splitPath(path);
    this.auth = b.auth;
    this.scopes = Set.copyOf(b.scopes);
    this.claims = Map.copyOf(b.claims);
    this.schema = b.schema;
    this.contentTypes = Set.copyOf(b.contentTypes);
    this.limits = b.limits;
    this.exemptions = List.copyOf(b.exemptions);
  }

  /** Starts a route for {@code pattern}; fails when the pattern is blank or not {@code METHOD /path}. */
  public static Builder builder(String pattern) {
    return new Builder(pattern);
  }

  public String pattern() {
    return pattern;
  }

  public AuthRequirement auth() {
    return auth;
  }

  public Set<String> requiredScopes() {
    return scopes;
  }

  public Map<String, String> requiredClaims() {
    return claims;
  }

  /** The JSON Schema text for the body, or null when the body is not schema-checked. */
  public @Nullable String schema() {
    return schema;
  }

  /** Allowed media types (lower case, no parameters); empty when any is allowed. */
  public Set<String> contentTypes() {
    return contentTypes;
  }

  /** Limits for this route, or null to use the protection's limits. */
  public @Nullable Limits limits() {
    return limits;
  }

  public List<Exemption> exemptions() {
    return exemptions;
  }

  /**
   * True when this route matches a request with {@code method} and {@code path}, or whose API
   * Gateway route template is {@code template} (may be null).
   */
  public boolean matches(@Nullable String requestMethod, @Nullable String path, @Nullable String template) {
    if (method != null && (requestMethod == null || !method.equalsIgnoreCase(requestMethod))) {
      return false;
    }
    return (path != null && pathMatches(splitPath(path)))
        || (template != null && pathMatches(splitPath(template)));
  }

  private boolean pathMatches(String[] actual) {
    int i = 0;
    for (; i < segments.length; i++) {
      String s = segments[i];
      if (s.equals("**") || (s.startsWith("{") && s.endsWith("+}"))) {
        return true;
      }
      if (i >= actual.length) {
        return false;
      }
      if (s.equals("*") || (s.startsWith("{") && s.endsWith("}"))) {
        continue;
      }
      if (!s.equals(actual[i])) {
        return false;
      }
    }
    return i == actual.length;
  }

  private static String[] splitPath(String path) {
    String p = path;
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    List<String> out = new ArrayList<>();
    for (String s : dev.bulwark.runtime.internal.decode.Strings.split(p, '/')) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out.toArray(new String[0]);
  }

  @Override
  public String toString() {
    return "Route[" + pattern + "]";
  }

  /** Builds a {@link Route}; {@link #build()} does not change the builder. */
  public static final class Builder {
    private final String pattern;
    private AuthRequirement auth = AuthRequirement.ANY;
    private final Set<String> scopes = new LinkedHashSet<>();
    private final Map<String, String> claims = new LinkedHashMap<>();
    private @Nullable String schema;
    private final Set<String> contentTypes = new LinkedHashSet<>();
    private @Nullable Limits limits;
    private final List<Exemption> exemptions = new ArrayList<>();

    private Builder(String pattern) {
      Objects.requireNonNull(pattern, "pattern");
      String p = pattern.trim();
      if (p.isEmpty()) {
        throw new IllegalArgumentException("route pattern must not be blank");
      }
      int sp = p.indexOf(' ');
      String path = sp < 0 ? p : p.substring(sp + 1).trim();
      if (!path.startsWith("/") && !path.equals("*") && !path.equals("$default")) {
        throw new IllegalArgumentException(
            "route pattern '" + pattern + "' is not 'METHOD /path' or '/path'");
      }
      this.pattern = p;
    }

    public Builder auth(AuthRequirement requirement) {
      this.auth = Objects.requireNonNull(requirement, "requirement");
      return this;
    }

    /** Scopes the JWT must carry (in {@code scope} or {@code scp}). */
    public Builder requireScopes(String... required) {
      for (String s : required) {
        if (s.isBlank() || s.contains(" ")) {
          throw new IllegalArgumentException("scope '" + s + "' must be one non-blank word");
        }
        scopes.add(s);
      }
      return this;
    }

    /** A claim the JWT must carry with exactly this value (or contain it, for array claims). */
    public Builder requireClaim(String name, String value) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("claim name must not be blank");
      }
      claims.put(name, Objects.requireNonNull(value, "value"));
      return this;
    }

    /** A JSON Schema (draft 2020-12 unless {@code $schema} says otherwise) for the JSON body. */
    public Builder schema(String jsonSchema) {
      if (jsonSchema.isBlank()) {
        throw new IllegalArgumentException("schema for route '" + pattern + "' is blank");
      }
      this.schema = jsonSchema;
      return this;
    }

    /** Media types the body may have ({@code application/json}); others get 415. */
    public Builder contentTypes(String... types) {
      for (String t : types) {
        String v = t.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || !v.contains("/")) {
          throw new IllegalArgumentException("content type '" + t + "' is not a media type");
        }
        contentTypes.add(v);
      }
      return this;
    }

    public Builder limits(Limits routeLimits) {
      this.limits = Objects.requireNonNull(routeLimits, "routeLimits");
      return this;
    }

    public Builder exempt(String location, AttackClass... classes) {
      exemptions.add(Exemption.of(location, classes));
      return this;
    }

    public Route build() {
      return new Route(this);
    }
  }
}
