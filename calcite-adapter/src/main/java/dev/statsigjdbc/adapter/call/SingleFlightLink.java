package dev.statsigjdbc.adapter.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Equal requests in flight at once make one call: the later ones wait for the first's answer. A
 * leader whose own query ended (cancelled, timed out, its result closed) does not end its
 * followers' queries: a follower still wanted asks again.
 */
final class SingleFlightLink implements CallLink {

  private final ConcurrentHashMap<CallRequest<?>, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

  @Override
  @SuppressWarnings("unchecked") // the leader's future holds the answer to an equal request
  public <R> R intercept(CallRequest<R> request, CallContext context, CallChain next) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> leader;
    while ((leader = inFlight.putIfAbsent(request, mine)) != null) {
      try {
        return (R) await(leader, context);
      } catch (QueryAbortedException leaderStopped) {
        context.check(); // this query's own end wins; otherwise the leader's query ended, not this one
      }
    }
    try {
      R answer = next.proceed(request, context);
      mine.complete(answer);
      return answer;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(request, mine);
    }
  }

  private static Object await(CompletableFuture<Object> leader, CallContext context) {
    while (true) {
      context.check();
      try {
        return leader.get(CallContext.WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
      } catch (TimeoutException stillRunning) {
        // look at cancel flag and deadline again
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueryAbortedException("Interrupted while waiting for a Statsig tool call.");
      }
    }
  }
}
