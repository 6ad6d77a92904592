package dev.statsigjdbc.emulator.faults;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Statsig's per-project limit: {@code capacity} requests per {@code window}, refilled evenly. */
public final class TokenBucket {
  private final int capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  public TokenBucket(int capacity, Duration window, LongSupplier nanoClock) {
    if (capacity <= 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate limit needs a positive request count and window, got "
          + capacity + " per " + window);
    }
    this.capacity = capacity;
    this.tokensPerNano = capacity / (double) window.toNanos();
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Takes one token: 0 when granted, else the whole seconds until one is available (at least 1). */
  public synchronized long tryTake() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
    lastRefill = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    double nanosToWait = (1 - tokens) / tokensPerNano;
    return Math.max(1, (long) Math.ceil(nanosToWait / 1e9));
  }
}
