package dev.bulwark.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled at {@code capacity} per
 * {@code period}. Buckets live in the container's memory by default (at most {@link
 * Builder#maxClients(int)}, least recently used evicted), or in Redis with {@link
 * Builder#redis(URI)} so that the limit holds across concurrent containers. Over the limit, HTTP
 * triggers get 429 with {@code Retry-After}.
 *
 * <p>Needs {@code com.bucket4j:bucket4j_jdk17-core} (and, for Redis, {@code
 * bucket4j_jdk17-jedis} and {@code redis.clients:jedis}) on the class path.
 *
 * <pre>{@code
 * RateLimit limit = RateLimit.builder(100, Duration.ofMinutes(1))
 *     .by(ClientKey.SOURCE_IP)
 *     .build();
 * }</pre>
 */
public final class RateLimit {

  private final long capacity;
  private final Duration period;
  private final ClientKey key;
  private final @Nullable URI redis;
  private final int maxClients;

  private RateLimit(Builder b) {
    this.capacity = b.capacity;
    this.period = b.period;
    this.key = b.key;
    this.redis = b.redis;
    this.maxClients = b.maxClients;
  }

  public static Builder builder(long capacity, Duration period) {
    return new Builder(capacity, period);
  }

  /** Parses {@code "100/60s"}, {@code "100/1m"}, {@code "5000/1h"}; fails naming the bad text. */
  public static Builder parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("rate '" + text + "' is not '<count>/<duration>' like 100/1m");
    }
    long count;
    try {
      count = Long.parseLong(text.substring(0, slash).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate '" + text + "' does not start with a count");
    }
    return new Builder(count, parseDuration(text.substring(slash + 1), text));
  }

  static Duration parseDuration(String d, String whole) {
    String t = d.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("rate '" + whole + "' has no duration");
    }
    char unit = t.charAt(t.length() - 1);
    String num = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1);
    long n;
    try {
      n = num.isEmpty() ? 1 : Long.parseLong(num);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("duration '" + d + "' in '" + whole + "' is not a number and unit");
    }
    switch (unit) {
      case 's':
        return Duration.ofSeconds(n);
      case 'm':
        return Duration.ofMinutes(n);
      case 'h':
        return Duration.ofHours(n);
      case 'd':
        return Duration.ofDays(n);
      default:
        if (Character.isDigit(unit)) {
          return Duration.ofSeconds(n);
        }
        throw new IllegalArgumentException("duration unit '" + unit + "' in '" + whole + "' is not s, m, h or d");
    }
  }

  public long capacity() {
    return capacity;
  }

  public Duration period() {
    return period;
  }

  public ClientKey key() {
    return key;
  }

  public @Nullable URI redis() {
    return redis;
  }

  public int maxClients() {
    return maxClients;
  }

  @Override
  public String toString() {
    return "RateLimit[" + capacity + "/" + period + " by " + key + (redis == null ? "" : ", redis") + "]";
  }

  /** Builds {@link RateLimit}; fails fast naming a bad value. */
  public static final class Builder {
    private final long capacity;
    private final Duration period;
    private ClientKey key = ClientKey.SOURCE_IP;
    private @Nullable URI redis;
    private int maxClients = 10_000;

    private Builder(long capacity, Duration period) {
      if (capacity <= 0) {
        throw new IllegalArgumentException("rate limit capacity must be positive, was " + capacity);
      }
      Objects.requireNonNull(period, "period");
      if (period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("rate limit period must be positive, was " + period);
      }
      if (capacity > period.toNanos()) {
        throw new IllegalArgumentException(
            "rate limit " + capacity + " per " + period + " refills faster than one per nanosecond");
      }
      this.capacity = capacity;
      this.period = period;
    }

    public Builder by(ClientKey clientKey) {
      this.key = Objects.requireNonNull(clientKey, "clientKey");
      return this;
    }

    /** Shares buckets through Redis: {@code redis://host:port} or {@code rediss://…}. */
    public Builder redis(URI url) {
      this.redis = RedisUrls.check(url);
      return this;
    }

    /** The most clients tracked in memory; default 10,000. */
    public Builder maxClients(int clients) {
      if (clients <= 0) {
        throw new IllegalArgumentException("maxClients must be positive, was " + clients);
      }
      this.maxClients = clients;
      return this;
    }

    public RateLimit build() {
      return new RateLimit(this);
    }
  }
}
