package dev.bulwark.runtime.internal.auth;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a bearer token. An interface so that the guard does not load the JWT library unless
 * JWT authentication is configured.
 */
public interface TokenVerifier {

  /** Claims when valid, else the rule that failed ({@code jwt.expired}). */
  record Result(@Nullable Map<String, Object> claims, String failure) {
    public boolean valid() {
      return claims != null;
    }

    public static Result fail(String rule) {
      return new Result(null, rule);
    }
  }

  Result verify(String token);

  /** Forgets cached keys' freshness (after a SnapStart restore). */
  void refreshKeys();
}
