package dev.bulwark.runtime.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; optionally advancing on every read. */
public final class MutableClock extends Clock {
  private volatile Instant now;
  private volatile Duration step = Duration.ZERO;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  /** Every later read moves the clock forward by {@code d} first. */
  public void tickOnRead(Duration d) {
    step = d;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    if (!step.isZero()) {
      now = now.plus(step);
    }
    return now;
  }
}
