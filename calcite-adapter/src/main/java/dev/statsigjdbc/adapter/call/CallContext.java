package dev.statsigjdbc.adapter.call;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-query conditions of a call: the statement's cancel flag, the scan's own stop flag (its
 * result was closed or its LIMIT satisfied: calls not yet sent are not sent) and the deadline.
 */
public record CallContext(AtomicBoolean cancelFlag, AtomicBoolean stopFlag, long deadlineNanos) {

  /** How long a wait lasts before the cancel flag and deadline are looked at again. */
  static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  public static CallContext unbounded() {
    return new CallContext(new AtomicBoolean(), new AtomicBoolean(), Long.MAX_VALUE);
  }

  /** Throws when the statement was cancelled or ran out of time, or nobody will read the answer any more. */
  public void check() {
    if (cancelFlag.get()) {
      throw new QueryAbortedException("Query cancelled.");
    }
    if (stopFlag.get()) {
      throw new QueryAbortedException("The query's result was closed before this call was sent.");
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
