package dev.bulwark.runtime;

/**
 * Thrown in {@link Mode#BLOCK} for triggers that have no HTTP response or partial batch response
 * (SNS, S3, EventBridge, Cognito, direct invocations, …): the invocation fails with this error.
 * The message names the request id and the kind of problem, never the attack's text.
 *
 * <pre>{@code
 * try {
 *   protectedHandler.handleRequest(event, context);
 * } catch (BulwarkBlockedException e) {
 *   int status = e.status(); // 403
 * }
 * }</pre>
 */
public final class BulwarkBlockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public BulwarkBlockedException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP-like status of the rejection: 400, 401, 403, 413, 415, 429 or 503. */
  public int status() {
    return status;
  }
}
