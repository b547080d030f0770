package dev.bulwark.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * JWT bearer-token authentication: keys from a JWKS URL (cached, refreshed on an unknown key id
 * for rotation, fetched with a timeout) or a static JWKS document; issuer, audience, expiry and
 * not-before checked with bounded clock skew; only allow-listed algorithms. {@code none} is never
 * accepted, and a key is only ever used with algorithms of its own type, so an RSA public key can
 * never be abused as an HMAC secret. HMAC algorithms are accepted only with {@link
 * Builder#hmacSecret(byte[])}.
 *
 * <p>Needs {@code com.nimbusds:nimbus-jose-jwt} on the class path (an optional dependency of
 * bulwark-runtime).
 *
 * <pre>{@code
 * Jwt jwt = Jwt.builder()
 *     .jwksUrl(URI.create("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/.well-known/jwks.json"))
 *     .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc")
 *     .audience("my-client-id")
 *     .build();
 * }</pre>
 */
public final class Jwt {

  /** The largest clock skew a builder accepts. */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private static final Set<String> KNOWN_ALGORITHMS =
      Set.of(
          "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
          "EdDSA", "HS256", "HS384", "HS512");

  private final @Nullable URI jwksUrl;
  private final @Nullable String jwksJson;
  private final byte @Nullable [] hmacSecret;
  private final @Nullable String issuer;
  private final Set<String> audiences;
  private final Set<String> algorithms;
  private final Duration skew;
  private final String header;
  private final Duration cacheTtl;
  private final Duration fetchTimeout;
  private final Duration minRefreshInterval;

  private Jwt(Builder b) {
    this.jwksUrl = b.jwksUrl;
    this.jwksJson = b.jwksJson;
    this.hmacSecret = b.hmacSecret == null ? null : b.hmacSecret.clone();
    this.issuer = b.issuer;
    this.audiences = Set.copyOf(b.audiences);
    this.algorithms = Set.copyOf(b.algorithms);
    this.skew = b.skew;
    this.header = b.header;
    this.cacheTtl = b.cacheTtl;
    this.fetchTimeout = b.fetchTimeout;
    this.minRefreshInterval = b.minRefreshInterval;
  }

  public static Builder builder() {
    return new Builder();
  }

  public @Nullable URI jwksUrl() {
    return jwksUrl;
  }

  public @Nullable String jwksJson() {
    return jwksJson;
  }

  public byte @Nullable [] hmacSecret() {
    return hmacSecret == null ? null : hmacSecret.clone();
  }

  public @Nullable String issuer() {
    return issuer;
  }

  public Set<String> audiences() {
    return audiences;
  }

  public Set<String> algorithms() {
    return algorithms;
  }

  public Duration skew() {
    return skew;
  }

  /** The header carrying {@code Bearer <token>} (lower case), {@code authorization} by default. */
  public String header() {
    return header;
  }

  public Duration cacheTtl() {
    return cacheTtl;
  }

  public Duration fetchTimeout() {
    return fetchTimeout;
  }

  public Duration minRefreshInterval() {
    return minRefreshInterval;
  }

  @Override
  public String toString() {
    return "Jwt[jwksUrl=" + jwksUrl + ", issuer=" + issuer + ", audiences=" + audiences
        + ", algorithms=" + algorithms + ", hmac=" + (hmacSecret != null) + "]";
  }

  /** Builds {@link Jwt}; fails fast naming a bad value; {@link #build()} does not change it. */
  public static final class Builder {
    private @Nullable URI jwksUrl;
    private @Nullable String jwksJson;
    private byte @Nullable [] hmacSecret;
    private @Nullable String issuer;
    private final Set<String> audiences = new LinkedHashSet<>();
    private final Set<String> algorithms = new LinkedHashSet<>();
    private Duration skew = Duration.ofSeconds(60);
    private String header = "authorization";
    private Duration cacheTtl = Duration.ofHours(1);
    private Duration fetchTimeout = Duration.ofSeconds(2);
    private Duration minRefreshInterval = Duration.ofSeconds(30);

    private Builder() {}

    /** Where to fetch the JSON Web Key Set ({@code https}, or {@code http} on loopback only). */
    public Builder jwksUrl(URI url) {
      Objects.requireNonNull(url, "url");
      String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
      boolean loopback =
          "127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost()) || "[::1]".equals(url.getHost());
      if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
        throw new IllegalArgumentException(
            "JWKS URL '" + url + "' must use https (http is allowed on loopback only)");
      }
      this.jwksUrl = url;
      return this;
    }

    /** A static JSON Web Key Set document, instead of a URL. */
    public Builder jwks(String json) {
      if (json.isBlank()) {
        throw new IllegalArgumentException("JWKS document is blank");
      }
      this.jwksJson = json;
      return this;
    }

    /** A shared secret for HS256/384/512; at least 32 bytes. Enables those algorithms. */
    public Builder hmacSecret(byte[] secret) {
      if (secret.length < 32) {
        throw new IllegalArgumentException(
            "HMAC secret has " + secret.length + " bytes; at least 32 are required");
      }
      this.hmacSecret = secret.clone();
      return this;
    }

    public Builder issuer(String iss) {
      if (iss.isBlank()) {
        throw new IllegalArgumentException("issuer must not be blank");
      }
      this.issuer = iss;
      return this;
    }

    /** Accepted audiences: the token's {@code aud} (or Cognito access tokens' {@code client_id}) must contain one. */
    public Builder audience(String... aud) {
      for (String a : aud) {
        if (a.isBlank()) {
          throw new IllegalArgumentException("audience must not be blank");
        }
        audiences.add(a);
      }
      return this;
    }

    /** Allowed algorithms; default {@code RS256} and {@code ES256} (plus HS256 with an HMAC secret). */
    public Builder algorithms(String... algs) {
      for (String a : algs) {
        if (a.equalsIgnoreCase("none")) {
          throw new IllegalArgumentException("algorithm 'none' can never be allowed");
        }
        if (!KNOWN_ALGORITHMS.contains(a)) {
          throw new IllegalArgumentException(
              "algorithm '" + a + "' is not one of " + new ArrayList<>(KNOWN_ALGORITHMS));
        }
        algorithms.add(a);
      }
      return this;
    }

    /** Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}; at most {@link #MAX_SKEW}. */
    public Builder maxSkew(Duration skewAllowed) {
      if (skewAllowed.isNegative() || skewAllowed.compareTo(MAX_SKEW) > 0) {
        throw new IllegalArgumentException(
            "clock skew " + skewAllowed + " is not between 0 and " + MAX_SKEW);
      }
      this.skew = skewAllowed;
      return this;
    }

    public Builder header(String name) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("header name must not be blank");
      }
      this.header = name.trim().toLowerCase(Locale.ROOT);
      return this;
    }

    /** How long fetched keys are used before they are fetched again; default one hour. */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = positive("cacheTtl", ttl);
      return this;
    }

    /** Connect and read timeout of one JWKS fetch; default 2 s. */
    public Builder fetchTimeout(Duration timeout) {
      this.fetchTimeout = positive("fetchTimeout", timeout);
      return this;
    }

    /** Minimum time between two fetches triggered by unknown key ids; default 30 s. */
    public Builder minRefreshInterval(Duration interval) {
      this.minRefreshInterval = positive("minRefreshInterval", interval);
      return this;
    }

    public Jwt build() {
      if (jwksUrl == null && jwksJson == null && hmacSecret == null) {
        throw new IllegalStateException("JWT needs a JWKS URL, a JWKS document or an HMAC secret");
      }
      Builder copy = copy();
      if (copy.algorithms.isEmpty()) {
        if (jwksUrl != null || jwksJson != null) {
          copy.algorithms.add("RS256");
          copy.algorithms.add("ES256");
        }
        if (hmacSecret != null) {
          copy.algorithms.add("HS256");
        }
      }
      for (String a : copy.algorithms) {
        if (a.startsWith("HS") && hmacSecret == null) {
          throw new IllegalStateException(
              "algorithm " + a + " needs an HMAC secret; public keys are never used as HMAC secrets");
        }
      }
      return new Jwt(copy);
    }

    private Builder copy() {
      Builder c = new Builder();
      c.jwksUrl = jwksUrl;
      c.jwksJson = jwksJson;
      c.hmacSecret = hmacSecret;
      c.issuer = issuer;
      c.audiences.addAll(audiences);
      c.algorithms.addAll(algorithms);
      c.skew = skew;
      c.header = header;
      c.cacheTtl = cacheTtl;
      c.fetchTimeout = fetchTimeout;
      c.minRefreshInterval = minRefreshInterval;
      return c;
    }

    private static Duration positive(String name, Duration d) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
