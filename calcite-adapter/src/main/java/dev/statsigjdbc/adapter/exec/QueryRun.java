package dev.statsigjdbc.adapter.exec;

import dev.statsigjdbc.adapter.call.CallContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution of one scan: the statement's cancel flag and deadline, and whether a row has
 * been handed out yet (after that, failed calls are not retried: the caller already saw part
 * of the answer).
 */
public final class QueryRun {

  private final AtomicBoolean cancelFlag;
  private final long deadlineNanos;
  private volatile boolean rowEmitted;

  public QueryRun(AtomicBoolean cancelFlag, long deadlineNanos) {
    this.cancelFlag = cancelFlag == null ? new AtomicBoolean() : cancelFlag;
    this.deadlineNanos = deadlineNanos;
  }

  CallContext callContext() {
    return new CallContext(cancelFlag, deadlineNanos, !rowEmitted);
  }

  public void rowEmitted() {
    rowEmitted = true;
  }
}
