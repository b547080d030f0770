package dev.bulwark.runtime;

/**
 * Which authentication a route needs.
 *
 * <pre>{@code
 * Route health = Route.builder("GET /health").auth(AuthRequirement.NONE).build();
 * }</pre>
 */
public enum AuthRequirement {
  /** Any configured authenticator (JWT or API key) must accept the request (the default). */
  ANY,
  /** A valid JWT is required. */
  JWT,
  /** A valid API key is required. */
  API_KEY,
  /** No authentication: the route is public. */
  NONE
}
