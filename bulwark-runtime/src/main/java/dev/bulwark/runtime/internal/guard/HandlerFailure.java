package dev.bulwark.runtime.internal.guard;

/** Carries the handler's own exception through the chain, so it is never taken for a guard's. */
public final class HandlerFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HandlerFailure(Throwable cause) {
    super(cause.toString(), cause, false, false);
  }
}
