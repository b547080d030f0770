package dev.bulwark.runtime;

/**
 * What identifies a client for rate limiting. When the chosen identity is missing (no token, no
 * key) the source IP is used.
 *
 * <pre>{@code
 * RateLimit perUser = RateLimit.builder(100, Duration.ofMinutes(1)).by(ClientKey.SUBJECT).build();
 * }</pre>
 */
public enum ClientKey {
  /** The caller's IP address as seen by API Gateway, ALB or the function URL. */
  SOURCE_IP,
  /** The {@code sub} claim of a verified JWT. */
  SUBJECT,
  /** The client name of a verified API key. */
  API_KEY;

  public static ClientKey parse(String text) {
    String t = text.trim().replace('-', '_');
    for (ClientKey k : values()) {
      if (k.name().equalsIgnoreCase(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "client key '" + text + "' is not one of: source-ip, subject, api-key");
  }
}
