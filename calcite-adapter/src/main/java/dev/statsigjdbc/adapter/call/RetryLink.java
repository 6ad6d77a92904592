package dev.statsigjdbc.adapter.call;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of retries: a request whose call failed in a way that may pass (429, 5xx, a
 * broken connection, a garbled answer) is sent again with backoff. Every call is a read that
 * names what it reads (a page by its number), so sending it again gives the same records: it is
 * retried even after earlier pages' rows reached the caller. A Retry-After from the server wins
 * over the backoff.
 */
final class RetryLink implements CallLink {

  private static final Logger LOG = LoggerFactory.getLogger(RetryLink.class);

  private final CallOptions options;

  RetryLink(CallOptions options) {
    this.options = options;
  }

  @Override
  public <R> R intercept(CallRequest<R> request, CallContext context, CallChain next) {
    for (int attempt = 0; ; attempt++) {
      try {
        return next.proceed(request, context);
      } catch (ToolCallException e) {
        if (!e.isRetryable() || attempt >= options.maxRetries()) {
          throw e;
        }
        long delayNanos = backoffNanos(e, attempt);
        LOG.debug("{} answered {}; retry {} in {} ms", request.label(), e.status(), attempt + 1, delayNanos / 1_000_000);
        pause(delayNanos, context);
      }
    }
  }

  private long backoffNanos(ToolCallException e, int attempt) {
    long max = options.maxRetryDelay().toNanos();
    if (e.retryAfterSeconds() >= 0) {
      return Math.min(max, TimeUnit.SECONDS.toNanos(e.retryAfterSeconds()));
    }
    return Math.min(max, options.retryBaseDelay().toNanos() << Math.min(attempt, 20));
  }

  private static void pause(long nanos, CallContext context) {
    long until = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = until - System.nanoTime()) {
      context.check();
      LockSupport.parkNanos(Math.min(left, CallContext.WAIT_SLICE_NANOS));
    }
  }
}
