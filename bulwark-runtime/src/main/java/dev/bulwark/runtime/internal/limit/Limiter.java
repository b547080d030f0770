package dev.bulwark.runtime.internal.limit;

/** Token buckets by key. An interface so that Bucket4j and Jedis load only when configured. */
public interface Limiter {

  /** Takes one token from {@code key}'s bucket: 0 when taken, else nanoseconds until one is. */
  long tryTake(String key);

  /** Drops local state (after a SnapStart restore); shared state is untouched. */
  void reset();
}
