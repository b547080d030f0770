package dev.bulwark.runtime.internal.guard;

/**
 * A refusal, as an HTTP status and a short public error word. Never carries attack details.
 *
 * @param status 400, 401, 403, 413, 415, 429 or 503
 * @param error what the client is told: {@code forbidden}, {@code unauthorized}, …
 * @param retryAfterSeconds for 429, when to come back; 0 otherwise
 */
public record Rejection(int status, String error, long retryAfterSeconds) {

  public static Rejection badRequest() {
    return new Rejection(400, "bad request", 0);
  }

  public static Rejection unauthorized() {
    return new Rejection(401, "unauthorized", 0);
  }

  public static Rejection forbidden() {
    return new Rejection(403, "forbidden", 0);
  }

  public static Rejection tooLarge() {
    return new Rejection(413, "payload too large", 0);
  }

  public static Rejection unsupportedMediaType() {
    return new Rejection(415, "unsupported media type", 0);
  }

  public static Rejection tooManyRequests(long retryAfterSeconds) {
    return new Rejection(429, "too many requests", Math.max(1, retryAfterSeconds));
  }

  public static Rejection unavailable() {
    return new Rejection(503, "service unavailable", 0);
  }
}
