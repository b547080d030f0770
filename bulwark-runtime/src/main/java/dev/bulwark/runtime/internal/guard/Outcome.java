package dev.bulwark.runtime.internal.guard;

import org.jspecify.annotations.Nullable;

/** How the chain ended: the handler's result, or a rejection. */
public sealed interface Outcome permits Outcome.Completed, Outcome.Rejected {

  /** The handler ran and returned {@code result}. */
  record Completed(@Nullable Object result) implements Outcome {}

  /** A guard rejected the invocation. */
  record Rejected(Rejection rejection) implements Outcome {}
}
