package dev.statsigjdbc.adapter.call;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-query conditions of a call: the statement's cancel flag, its deadline, and whether a
 * failed call may still be retried (only until the first row has reached the caller).
 */
public record CallContext(AtomicBoolean cancelFlag, long deadlineNanos, boolean retryAllowed) {

  /** How long a wait lasts before the cancel flag and deadline are looked at again. */
  static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  public static CallContext unbounded() {
    return new CallContext(new AtomicBoolean(), Long.MAX_VALUE, true);
  }

  public CallContext withRetryAllowed(boolean allowed) {
    return new CallContext(cancelFlag, deadlineNanos, allowed);
  }

  /** Throws when the statement was cancelled or ran out of time. */
  public void check() {
    if (cancelFlag.get()) {
      throw new QueryAbortedException("Query cancelled.");
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new QueryAbortedException(
          "Query timed out while calling Statsig tools. Raise the statement's query timeout or narrow the query.");
    }
  }

  public long remainingNanos() {
    return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
  }
}
