package dev.bulwark.runtime.internal.guard;

/** The end of the chain: runs the handler. Wraps the handler's exceptions in {@link HandlerFailure}. */
@FunctionalInterface
public interface Terminal {
  Outcome call(Invocation invocation);
}
