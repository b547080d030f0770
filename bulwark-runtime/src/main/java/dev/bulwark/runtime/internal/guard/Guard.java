package dev.bulwark.runtime.internal.guard;

/**
 * One step of the protection chain. A guard either calls {@link Chain#proceed()} (and returns
 * what it returns) or objects through {@link Chain#reject}, which in block mode returns a
 * rejection without running the rest of the chain, and in monitor mode logs and proceeds.
 */
public interface Guard {

  /** Short stable name used in events and error messages: {@code jwt}, {@code rate-limit}. */
  String name();

  Outcome intercept(Chain chain);
}
