package dev.bulwark.runtime.internal.limit;

import dev.bulwark.runtime.ClientKey;
import dev.bulwark.runtime.Trigger;
import dev.bulwark.runtime.internal.decode.DecodedEvent;
import dev.bulwark.runtime.internal.guard.Chain;
import dev.bulwark.runtime.internal.guard.Finding;
import dev.bulwark.runtime.internal.guard.Guard;
import dev.bulwark.runtime.internal.guard.Invocation;
import dev.bulwark.runtime.internal.guard.Outcome;
import dev.bulwark.runtime.internal.guard.Rejection;
import java.util.function.Supplier;

/** Per-client token buckets for HTTP requests; over the limit, 429 with Retry-After. */
public final class RateLimitGuard implements Guard {

  private final Supplier<Limiter> limiter;
  private final ClientKey key;

  /** {@code limiter} is created on first use (keeps Bucket4j out of the cold start). */
  public RateLimitGuard(Supplier<Limiter> limiter, ClientKey key) {
    this.limiter = limiter;
    this.key = key;
  }

  @Override
  public String name() {
    return "rate-limit";
  }

  @Override
  public Outcome intercept(Chain chain) {
    Invocation inv = chain.invocation();
    DecodedEvent ev = inv.event();
    if (!ev.trigger().isHttp() && ev.trigger() != Trigger.AUTHORIZER) {
      return chain.proceed();
    }
    String client = client(inv);
    if (client == null) {
      return chain.proceed();
    }
    long waitNanos = limiter.get().tryTake(client);
    if (waitNanos > 0) {
      long seconds = (waitNanos + 999_999_999L) / 1_000_000_000L;
      return chain.reject(
          Rejection.tooManyRequests(seconds),
          new Finding("rate-limit", "rate-limit.exceeded", "", key.name().toLowerCase(java.util.Locale.ROOT)));
    }
    return chain.proceed();
  }

  private String client(Invocation inv) {
    String ip = inv.event().sourceIp();
    switch (key) {
      case SUBJECT:
        if (inv.subject() != null) {
          return "sub:" + inv.subject();
        }
        break;
      case API_KEY:
        if (inv.apiClient() != null) {
          return "key:" + inv.apiClient();
        }
        break;
      default:
        break;
    }
    return ip.isEmpty() ? null : "ip:" + ip;
  }
}
