package dev.bulwark.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The "wallet guard": at most {@code maxInvocations} handler runs per {@code window} for the whole
 * function; once spent, invocations are rejected (429 for HTTP triggers) until the budget is
 * refilled at the start of the next window. Counted per container unless shared through Redis
 * with {@link Builder#redis(URI)}, which is what makes the budget hold for the whole function.
 *
 * <pre>{@code
 * InvocationBudget wallet = InvocationBudget.builder(100_000, Duration.ofHours(1)).build();
 * }</pre>
 */
public final class InvocationBudget {

  private final long maxInvocations;
  private final Duration window;
  private final @Nullable URI redis;

  private InvocationBudget(Builder b) {
    this.maxInvocations = b.maxInvocations;
    this.window = b.window;
    this.redis = b.redis;
  }

  public static Builder builder(long maxInvocations, Duration window) {
    return new Builder(maxInvocations, window);
  }

  /** Parses {@code "100000/1h"}; fails naming the bad text. */
  public static Builder parse(String text) {
    RateLimit.Builder r = RateLimit.parse(text);
    RateLimit parsed = r.build();
    return new Builder(parsed.capacity(), parsed.period());
  }

  public long maxInvocations() {
    return maxInvocations;
  }

  public Duration window() {
    return window;
  }

  public @Nullable URI redis() {
    return redis;
  }

  @Override
  public String toString() {
    return "InvocationBudget[" + maxInvocations + "/" + window + (redis == null ? "" : ", redis") + "]";
  }

  /** Builds {@link InvocationBudget}; fails fast naming a bad value. */
  public static final class Builder {
    private final long maxInvocations;
    private final Duration window;
    private @Nullable URI redis;

    private Builder(long maxInvocations, Duration window) {
      if (maxInvocations <= 0) {
        throw new IllegalArgumentException("invocation budget must be positive, was " + maxInvocations);
      }
      Objects.requireNonNull(window, "window");
      if (window.isZero() || window.isNegative()) {
        throw new IllegalArgumentException("budget window must be positive, was " + window);
      }
      if (maxInvocations > window.toNanos()) {
        throw new IllegalArgumentException(
            "invocation budget " + maxInvocations + " per " + window + " is more than one per nanosecond");
      }
      this.maxInvocations = maxInvocations;
      this.window = window;
    }

    public Builder redis(URI url) {
      this.redis = RedisUrls.check(url);
      return this;
    }

    public InvocationBudget build() {
      return new InvocationBudget(this);
    }
  }
}
