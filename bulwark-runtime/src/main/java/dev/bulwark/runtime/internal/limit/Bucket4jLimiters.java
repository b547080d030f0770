package dev.bulwark.runtime.internal.limit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.github.bucket4j.redis.jedis.cas.JedisBasedProxyManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Bucket4j token buckets, in memory or in Redis. */
public final class Bucket4jLimiters {
  private Bucket4jLimiters() {}

  /**
   * A bucket of {@code capacity}, refilled greedily at {@code capacity} per {@code period}, or —
   * with {@code intervally} — refilled all at once at the end of each period (a budget).
   */
  static Bandwidth bandwidth(long capacity, Duration period, boolean intervally) {
    BandwidthBuilder.BandwidthBuilderRefillStage b = Bandwidth.builder().capacity(capacity);
    return (intervally ? b.refillIntervally(capacity, period) : b.refillGreedy(capacity, period)).build();
  }

  static TimeMeter meter(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  public static Limiter local(long capacity, Duration period, boolean intervally, int maxKeys, Clock clock) {
    Bandwidth bw = bandwidth(capacity, period, intervally);
    TimeMeter meter = meter(clock);
    return new Limiter() {
      private final Map<String, Bucket> buckets =
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
              return size() > maxKeys;
            }
          };

      @Override
      public long tryTake(String key) {
        Bucket bucket;
        synchronized (buckets) {
          bucket = buckets.computeIfAbsent(
              key, k -> Bucket.builder().addLimit(bw).withCustomTimePrecision(meter).build());
        }
        ConsumptionProbe p = bucket.tryConsumeAndReturnRemaining(1);
        return p.isConsumed() ? 0 : Math.max(1, p.getNanosToWaitForRefill());
      }

      @Override
      public void reset() {
        synchronized (buckets) {
          buckets.clear();
        }
      }
    };
  }

  /** Buckets shared through Redis at {@code url}, keys prefixed with {@code prefix}. */
  public static Limiter redis(
      URI url, String prefix, long capacity, Duration period, boolean intervally, Clock clock, Duration timeout) {
    BucketConfiguration conf = BucketConfiguration.builder().addLimit(bandwidth(capacity, period, intervally)).build();
    Supplier<BucketConfiguration> confSupplier = () -> conf;
    return new Limiter() {
      private JedisPool pool;
      private JedisBasedProxyManager<byte[]> buckets;

      private synchronized JedisBasedProxyManager<byte[]> buckets() {
        if (buckets == null) {
          GenericObjectPoolConfig<Jedis> pc = new GenericObjectPoolConfig<>();
          pc.setMaxTotal(4);
          pc.setMaxWait(timeout);
          pc.setJmxEnabled(false);
          pool = new JedisPool(pc, url, (int) timeout.toMillis());
          buckets = Bucket4jJedis.casBasedBuilder(pool)
              .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(period))
              .clientClock(meter(clock))
              .build();
        }
        return buckets;
      }

      @Override
      public long tryTake(String key) {
        byte[] k = (prefix + key).getBytes(StandardCharsets.UTF_8);
        ConsumptionProbe p = buckets().builder().build(k, confSupplier).tryConsumeAndReturnRemaining(1);
        return p.isConsumed() ? 0 : Math.max(1, p.getNanosToWaitForRefill());
      }

      @Override
      public synchronized void reset() {
        if (pool != null) {
          pool.close();
        }
        pool = null;
        buckets = null;
      }
    };
  }
}
