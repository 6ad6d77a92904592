package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.data.Dataset;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The Console API over an in-memory {@link Dataset}. Reads run concurrently; writes are
 * serialised against everything else, change the stored entities and are counted, so tests can
 * prove a client never wrote.
 */
public final class InMemoryConsoleApi implements ConsoleApi {
  private final Router router = new Router();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final AtomicLong writes = new AtomicLong();
  private final Map<String, AtomicLong> writesByOperation = new TreeMap<>();

  public InMemoryConsoleApi(Dataset dataset, ApiQuirks quirks) {
    this(dataset, quirks, PageLimits.defaults());
  }

  public InMemoryConsoleApi(Dataset dataset, ApiQuirks quirks, PageLimits pageLimits) {
    ApiContext ctx = ApiContext.of(Objects.requireNonNull(dataset, "dataset"), Objects.requireNonNull(quirks, "quirks"),
        Objects.requireNonNull(pageLimits, "pageLimits"));
    new ExperimentReads(ctx).register(router);
    new ExperimentWrites(ctx).register(router);
    new GateRoutes(ctx).register(router);
    new ConfigRoutes(ctx).register(router);
    new CatalogRoutes(ctx).register(router);
    new MetricRoutes(ctx).register(router);
    new ActivityRoutes(ctx).register(router);
  }

  @Override
  public Set<String> operations() {
    return router.operations();
  }

  @Override
  public JsonNode call(ApiCall call) {
    Router.Route route = router.find(call.operation()).orElseThrow(() -> new ApiException(404,
        "The emulator does not model " + call.operation() + "."));
    var held = route.write() ? lock.writeLock() : lock.readLock();
    held.lock();
    try {
      JsonNode body = route.handler().handle(new Query(call), call);
      if (route.write()) {
        writes.incrementAndGet();
        synchronized (writesByOperation) {
          writesByOperation.computeIfAbsent(call.operation(), k -> new AtomicLong()).incrementAndGet();
        }
      }
      return body;
    } finally {
      held.unlock();
    }
  }

  /** Number of successful write operations so far. */
  public long writeCount() {
    return writes.get();
  }

  /** Successful writes per operation key, for the operations that had any. */
  public Map<String, Long> writeCountsByOperation() {
    synchronized (writesByOperation) {
      Map<String, Long> out = new TreeMap<>();
      writesByOperation.forEach((k, v) -> out.put(k, v.get()));
      return out;
    }
  }
}
