package dev.statsigjdbc.adapter.exec;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Daemon threads for work done ahead of the reader (lookups side by side, pages read ahead).
 * Unbounded on purpose: the call layer's semaphore is what limits calls in flight, and a worker
 * may itself wait for another (a lookup whose plan reads a parent table).
 */
final class FanOutThreads {
  /** Idle workers end soon: after a burst of queries a closed connection leaves no threads behind for long. */
  private static final long IDLE_SECONDS = 5;

  private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS,
      TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
        Thread thread = new Thread(runnable, "statsig-fan-out");
        thread.setDaemon(true);
        return thread;
      });

  private FanOutThreads() {}

  static <T> CompletableFuture<T> submit(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, WORKERS);
  }

  /** The result, or the worker's own exception (a tool error, a cancelled query) as if thrown here. */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
