package dev.statsigjdbc.adapter.call;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Every call that goes on the wire (retries and a dialect's discovery calls included) takes a
 * token from the bucket and one of the concurrency permits.
 */
final class RateLimitLink implements CallLink {

  private final Semaphore permits;
  private final TokenBucket bucket;

  RateLimitLink(CallOptions options) {
    this.permits = new Semaphore(options.maxConcurrentCalls(), true);
    this.bucket = new TokenBucket(options.requestsPerWindow(), options.window());
  }

  @Override
  public <R> R intercept(CallRequest<R> request, CallContext context, CallChain next) {
    bucket.acquire(context);
    acquirePermit(context);
    try {
      context.check();
      return next.proceed(request, context);
    } finally {
      permits.release();
    }
  }

  private void acquirePermit(CallContext context) {
    try {
      while (!permits.tryAcquire(CallContext.WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS)) {
        context.check();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryAbortedException("Interrupted while waiting to call a Statsig tool.");
    }
  }
}
