package dev.statsigjdbc.adapter.call;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/** Answers a request from an earlier equal one while that answer is younger than the TTL. */
final class CacheLink implements CallLink {

  /** Cache size from which expired entries are dropped before adding one. */
  private static final int PURGE_THRESHOLD = 1000;

  private record Cached(Object answer, long expiresAtNanos) {}

  private final long ttlNanos;
  private final ConcurrentHashMap<CallRequest<?>, Cached> cache = new ConcurrentHashMap<>();

  CacheLink(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  @SuppressWarnings("unchecked") // an entry holds the answer to its own request, of the request's type
  public <R> R intercept(CallRequest<R> request, CallContext context, CallChain next) {
    if (ttlNanos == 0) {
      return next.proceed(request, context);
    }
    Cached cached = cache.get(request);
    if (cached != null && System.nanoTime() - cached.expiresAtNanos() < 0) {
      return (R) cached.answer();
    }
    R answer = next.proceed(request, context);
    long now = System.nanoTime();
    if (cache.size() >= PURGE_THRESHOLD) {
      cache.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    }
    cache.put(request, new Cached(answer, now + ttlNanos));
    return answer;
  }
}
