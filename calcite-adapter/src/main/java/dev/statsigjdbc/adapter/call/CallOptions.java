package dev.statsigjdbc.adapter.call;

import java.time.Duration;

/**
 * Tuning of the call layer. Defaults stay under Statsig's documented limit of about 100
 * requests per 10 seconds per project.
 *
 * @param cacheTtl how long a successful result is reused; zero turns the cache off
 * @param maxConcurrentCalls calls in flight at once
 * @param requestsPerWindow token bucket size, refilled evenly over {@code window}
 * @param maxRetries retries of one call after a 429 or 5xx
 * @param retryBaseDelay first backoff delay, doubled per retry unless the server says otherwise
 */
public record CallOptions(
    Duration cacheTtl,
    int maxConcurrentCalls,
    int requestsPerWindow,
    Duration window,
    int maxRetries,
    Duration retryBaseDelay,
    Duration maxRetryDelay) {

  public static CallOptions defaults() {
    return new CallOptions(
        Duration.ofMinutes(5), 4, 90, Duration.ofSeconds(10), 3, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  public CallOptions withCacheTtl(Duration ttl) {
    return new CallOptions(ttl, maxConcurrentCalls, requestsPerWindow, window, maxRetries, retryBaseDelay, maxRetryDelay);
  }

  public CallOptions withRetries(int retries, Duration baseDelay) {
    return new CallOptions(cacheTtl, maxConcurrentCalls, requestsPerWindow, window, retries, baseDelay, maxRetryDelay);
  }
}
