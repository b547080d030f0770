package dev.bulwark.runtime.internal.limit;

import dev.bulwark.runtime.internal.guard.Chain;
import dev.bulwark.runtime.internal.guard.Finding;
import dev.bulwark.runtime.internal.guard.Guard;
import dev.bulwark.runtime.internal.guard.Outcome;
import dev.bulwark.runtime.internal.guard.Rejection;
import java.util.function.Supplier;

/** The function-wide invocation budget: once the window's budget is spent, invocations are rejected. */
public final class WalletGuard implements Guard {

  private final Supplier<Limiter> limiter;
  private final String key;

  public WalletGuard(Supplier<Limiter> limiter, String functionKey) {
    this.limiter = limiter;
    this.key = "wallet:" + functionKey;
  }

  @Override
  public String name() {
    return "wallet";
  }

  @Override
  public Outcome intercept(Chain chain) {
    long waitNanos = limiter.get().tryTake(key);
    if (waitNanos > 0) {
      long seconds = (waitNanos + 999_999_999L) / 1_000_000_000L;
      return chain.reject(
          Rejection.tooManyRequests(seconds),
          new Finding("wallet", "wallet.budget-spent", "", "retry in " + seconds + " s"));
    }
    return chain.proceed();
  }
}
