package dev.statsigjdbc.adapter.exec;

import dev.statsigjdbc.adapter.call.CallContext;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One execution of one scan: the statement's cancel flag and deadline, and the work started
 * ahead of the reader (pages read ahead, lookups side by side), which {@link #stop()} and
 * {@link #close()} end when nobody will read it.
 */
public final class QueryRun {

  private final AtomicBoolean cancelFlag;
  private final AtomicBoolean stopFlag = new AtomicBoolean();
  private final long deadlineNanos;
  private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();

  public QueryRun(AtomicBoolean cancelFlag, long deadlineNanos) {
    this.cancelFlag = cancelFlag == null ? new AtomicBoolean() : cancelFlag;
    this.deadlineNanos = deadlineNanos;
  }

  CallContext callContext() {
    return new CallContext(cancelFlag, stopFlag, deadlineNanos);
  }

  /** Starts work for this scan on a worker thread; {@link #close()} waits for it. */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    CompletableFuture<T> future = FanOutThreads.submit(work);
    running.add(future);
    future.whenComplete((result, failure) -> running.remove(future));
    return future;
  }

  /**
   * Nobody will read further (the scan's LIMIT is satisfied): calls not yet sent are never sent,
   * so they spend none of the rate limit. Returns at once.
   */
  public void stop() {
    stopFlag.set(true);
  }

  /**
   * Ends the scan (its result was closed, its query cancelled or timed out): {@link #stop()}, then
   * returns once nothing of the scan runs any more (a call on the wire is waited for: at most one
   * round trip).
   */
  public void close() {
    stop();
    for (CompletableFuture<?> future : Set.copyOf(running)) {
      try {
        future.join();
      } catch (RuntimeException endedByTheStop) {
        // nobody reads this work's outcome
      }
    }
  }
}
