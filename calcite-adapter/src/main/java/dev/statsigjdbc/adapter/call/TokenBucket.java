package dev.statsigjdbc.adapter.call;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Requests per time window, refilled continuously; callers wait for a token. */
final class TokenBucket {

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long lastRefill;

  TokenBucket(int capacity, Duration window) {
    this.capacity = capacity;
    this.tokensPerNano = capacity / (double) window.toNanos();
    this.tokens = capacity;
    this.lastRefill = System.nanoTime();
  }

  void acquire(CallContext context) {
    while (true) {
      context.check();
      long waitNanos = tryTake();
      if (waitNanos == 0) {
        return;
      }
      // Rate limiting, not synchronisation: wait until a token is due, then look again.
      LockSupport.parkNanos(Math.min(waitNanos, Math.min(TimeUnit.MILLISECONDS.toNanos(200), context.remainingNanos())));
    }
  }

  /** Takes a token and returns 0, or returns the nanos until one is due. */
  private synchronized long tryTake() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
    lastRefill = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.max(1, (long) ((1 - tokens) / tokensPerNano));
  }
}
