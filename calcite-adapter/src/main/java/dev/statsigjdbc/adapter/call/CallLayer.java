package dev.statsigjdbc.adapter.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every tool call of the adapter goes through here: result cache with a TTL, one upstream call
 * for identical concurrent requests, a concurrency limit and a token bucket, and retries of
 * 429/5xx answers with backoff. The source it wraps is the guarded one.
 */
public final class CallLayer {

  private static final Logger LOG = LoggerFactory.getLogger(CallLayer.class);
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
  private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  /** Cache size from which expired entries are dropped before adding one. */
  private static final int PURGE_THRESHOLD = 1000;

  private record Key(String tool, String arguments) {}

  private record Cached(JsonNode body, long expiresAtNanos) {}

  private final ToolSource source;
  private final CallOptions options;
  private final Semaphore permits;
  private final TokenBucket bucket;
  private final ConcurrentHashMap<Key, Cached> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, CompletableFuture<JsonNode>> inFlight = new ConcurrentHashMap<>();

  public CallLayer(ToolSource source, CallOptions options) {
    this.source = source;
    this.options = options;
    this.permits = new Semaphore(options.maxConcurrentCalls(), true);
    this.bucket = new TokenBucket(options.requestsPerWindow(), options.window());
  }

  /** How many calls may be in flight at once (callers size their fan-out by it). */
  public int maxConcurrentCalls() {
    return options.maxConcurrentCalls();
  }

  /** Calls a tool and returns the JSON body of its text content. */
  public JsonNode call(String tool, JsonNode arguments, CallContext context) {
    return call(tool, arguments, context, body -> null);
  }

  /**
   * Calls a tool and returns the JSON body of its text content, provided {@code shapeProblem}
   * finds nothing wrong with it (returns null); a body it objects to is treated like one that is
   * not JSON: retried while that is safe, never cached.
   */
  public JsonNode call(String tool, JsonNode arguments, CallContext context, Function<JsonNode, String> shapeProblem) {
    Key key = new Key(tool, canonical(arguments));
    Cached cached = cache.get(key);
    if (cached != null && System.nanoTime() - cached.expiresAtNanos() < 0) {
      return cached.body();
    }
    CompletableFuture<JsonNode> mine = new CompletableFuture<>();
    CompletableFuture<JsonNode> leader = inFlight.putIfAbsent(key, mine);
    if (leader != null) {
      return await(leader, context);
    }
    try {
      JsonNode body = callWithRetries(tool, arguments, context, shapeProblem);
      if (!options.cacheTtl().isZero()) {
        long now = System.nanoTime();
        if (cache.size() >= PURGE_THRESHOLD) {
          cache.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
        }
        cache.put(key, new Cached(body, now + options.cacheTtl().toNanos()));
      }
      mine.complete(body);
      return body;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  private JsonNode callWithRetries(String tool, JsonNode arguments, CallContext context,
      Function<JsonNode, String> shapeProblem) {
    for (int attempt = 0; ; attempt++) {
      try {
        return callOnce(tool, arguments, context, shapeProblem);
      } catch (ToolCallException e) {
        if (!e.isRetryable() || attempt >= options.maxRetries()) {
          throw e;
        }
        if (!context.retryAllowed()) {
          throw e.afterRowsReturned();
        }
        long delayNanos = backoffNanos(e, attempt);
        LOG.debug("Tool {} answered {}; retry {} in {} ms", tool, e.status(), attempt + 1, delayNanos / 1_000_000);
        pause(delayNanos, context);
      }
    }
  }

  private JsonNode callOnce(String tool, JsonNode arguments, CallContext context, Function<JsonNode, String> shapeProblem) {
    bucket.acquire(context);
    acquirePermit(context);
    try {
      context.check();
      ToolResult result = source.call(tool, arguments);
      if (result.isError()) {
        throw ToolCallException.fromErrorText(tool, result.errorText());
      }
      if (result.json() == null) {
        throw ToolCallException.transientFailure(tool, 0, "the tool returned text that is not JSON;"
            + " try again, and report it to the server's operator if it persists", null);
      }
      String problem = shapeProblem.apply(result.json());
      if (problem != null) {
        throw ToolCallException.transientFailure(tool, 0, problem, null);
      }
      return result.json();
    } finally {
      permits.release();
    }
  }

  private long backoffNanos(ToolCallException e, int attempt) {
    long max = options.maxRetryDelay().toNanos();
    if (e.retryAfterSeconds() >= 0) {
      return Math.min(max, TimeUnit.SECONDS.toNanos(e.retryAfterSeconds()));
    }
    return Math.min(max, options.retryBaseDelay().toNanos() << Math.min(attempt, 20));
  }

  private void acquirePermit(CallContext context) {
    try {
      while (!permits.tryAcquire(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS)) {
        context.check();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryAbortedException("Interrupted while waiting to call a Statsig tool.");
    }
  }

  private static void pause(long nanos, CallContext context) {
    long until = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = until - System.nanoTime()) {
      context.check();
      LockSupport.parkNanos(Math.min(left, WAIT_SLICE_NANOS));
    }
  }

  private static JsonNode await(CompletableFuture<JsonNode> leader, CallContext context) {
    while (true) {
      context.check();
      try {
        return leader.get(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
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

  private static String canonical(JsonNode arguments) {
    try {
      return CANONICAL.writeValueAsString(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Tool arguments are not serialisable JSON", e);
    }
  }
}
