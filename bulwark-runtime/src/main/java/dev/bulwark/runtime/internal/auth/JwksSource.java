package dev.bulwark.runtime.internal.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keys for JWT verification: a static set, or a set fetched from a URL on first use, cached for
 * the TTL, fetched again (at most once per minimum interval) when a token names an unknown key id
 * — how key rotation reaches running containers. When a fetch fails, the keys already held are
 * kept; with none, the failure propagates.
 */
public final class JwksSource {

  /** Largest JWKS document accepted. */
  static final int MAX_BYTES = 512 * 1024;

  private final @Nullable URI url;
  private final Clock clock;
  private final Duration ttl;
  private final Duration timeout;
  private final Duration minRefresh;
  private volatile @Nullable JWKSet keys;
  private volatile Instant fetchedAt = Instant.MIN;
  private volatile Instant lastAttempt = Instant.MIN;

  public JwksSource(@Nullable URI url, @Nullable String staticJson, Clock clock, Duration ttl, Duration timeout, Duration minRefresh) {
    this.url = url;
    this.clock = clock;
    this.ttl = ttl;
    this.timeout = timeout;
    this.minRefresh = minRefresh;
    if (staticJson != null) {
      try {
        this.keys = JWKSet.parse(staticJson);
      } catch (ParseException e) {
        throw new IllegalArgumentException("JWKS document is not a JSON Web Key Set: " + e.getMessage(), e);
      }
    }
  }

  /** Keys matching {@code kid} (all keys when {@code kid} is null); may fetch. */
  public List<JWK> keys(@Nullable String kid) {
    JWKSet set = current();
    List<JWK> found = select(set, kid);
    if (found.isEmpty() && url != null) {
      Instant now = clock.instant();
      if (Duration.between(lastAttempt, now).compareTo(minRefresh) >= 0) {
        set = fetch();
        found = select(set, kid);
      }
    }
    return found;
  }

  /** Forgets fetched keys' freshness so the next use fetches again (after a SnapStart restore). */
  public void invalidate() {
    if (url != null) {
      fetchedAt = Instant.MIN;
      lastAttempt = Instant.MIN;
    }
  }

  /** Number of fetches so far (for tests and metrics). */
  public int fetches() {
    return fetches;
  }

  private volatile int fetches;

  private @Nullable JWKSet current() {
    JWKSet set = keys;
    if (url != null && (set == null || Duration.between(fetchedAt, clock.instant()).compareTo(ttl) >= 0)) {
      if (set == null || Duration.between(lastAttempt, clock.instant()).compareTo(minRefresh) >= 0) {
        set = fetch();
      }
    }
    return set;
  }

  private static List<JWK> select(@Nullable JWKSet set, @Nullable String kid) {
    if (set == null) {
      return List.of();
    }
    if (kid == null) {
      return set.getKeys();
    }
    JWK k = set.getKeyByKeyId(kid);
    return k == null ? List.of() : List.of(k);
  }

  private synchronized @Nullable JWKSet fetch() {
    URI u = url;
    if (u == null) {
      return keys;
    }
    lastAttempt = clock.instant();
    try {
      JWKSet set = JWKSet.parse(download(u));
      keys = set;
      fetchedAt = clock.instant();
      fetches++;
      return set;
    } catch (IOException | ParseException e) {
      if (keys != null) {
        return keys; // keep serving the keys we have through an outage
      }
      throw new IllegalStateException("cannot fetch JWKS from " + u + ": " + e.getMessage(), e);
    }
  }

  private String download(URI u) throws IOException {
    HttpURLConnection c = (HttpURLConnection) u.toURL().openConnection();
    try {
      int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
      c.setConnectTimeout(ms);
      c.setReadTimeout(ms);
      c.setInstanceFollowRedirects(false);
      c.setRequestProperty("Accept", "application/json");
      int status = c.getResponseCode();
      if (status != 200) {
        throw new IOException("HTTP " + status);
      }
      try (InputStream in = c.getInputStream()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
          if (out.size() + n > MAX_BYTES) {
            throw new IOException("JWKS larger than " + MAX_BYTES + " bytes");
          }
          out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
      }
    } finally {
      c.disconnect();
    }
  }
}
