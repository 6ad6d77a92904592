package dev.statsigjdbc.adapter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.dialect.Page;
import dev.statsigjdbc.adapter.dialect.V1Dialect;
import dev.statsigjdbc.adapter.guard.BlockedToolException;
import dev.statsigjdbc.adapter.guard.GuardedToolSource;
import dev.statsigjdbc.adapter.guard.ToolPolicy;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Cache, single flight, retries, refusals and cancellation of the call chain. */
class CallLayerTest {

  private static final ObjectNode NO_ARGS = JsonNodeFactory.instance.objectNode().set("params", JsonNodeFactory.instance.objectNode());
  private static final CallOptions FAST_RETRIES = CallOptions.defaults().withRetries(3, Duration.ofMillis(1));
  /** An operation V1 reads with the tool {@link #TOOL}. */
  private static final Operation TAGS = new Operation("GET", "/console/v1/tags", "List Tags");
  private static final String TOOL = "Get_List_of_Tags";

  private static ToolResult fine() {
    return FixtureToolSource.single("ok", JsonNodeFactory.instance.objectNode().put("v", "fine"));
  }

  /** The tool answers from a script, then with success. */
  private static FixtureToolSource scripted(ToolResult... answers) {
    Deque<ToolResult> script = new ArrayDeque<>(List.of(answers));
    return new FixtureToolSource().tool(ToolDescriptor.of(TOOL, ""), params -> script.isEmpty() ? fine() : script.poll());
  }

  private static CallLayer layer(FixtureToolSource source, CallOptions options) {
    GuardedToolSource guarded = GuardedToolSource.wrap(source, ToolPolicy.defaults());
    return new CallLayer(guarded, V1Dialect.bind(guarded.catalog()), options);
  }

  private static Page read(CallLayer layer, CallContext context) {
    return layer.read(new OperationCall(TAGS, Map.of(), null, List.of("data")), context);
  }

  private static String value(Page page) {
    return page.records().get(0).get("v").asText();
  }

  @Test
  void aCachedAnswerCostsNoCall() throws Exception {
    FixtureToolSource source = FixtureToolSource.statsig();
    try (Sql sql = Sql.connect(source)) {
      var first = sql.rows("SELECT id FROM statsig.experiments WHERE id = 'checkout_v2'");
      var second = sql.rows("SELECT id FROM statsig.experiments WHERE id = 'checkout_v2'");
      assertThat(second).isEqualTo(first).isNotEmpty();
      assertThat(source.calls()).hasSize(1);
    }
  }

  @Test
  void ttlZeroTurnsTheCacheOff() throws Exception {
    FixtureToolSource source = FixtureToolSource.statsig();
    try (Sql sql = Sql.connect(source, StatsigOptions.defaults().withCacheTtl(Duration.ZERO))) {
      sql.rows("SELECT id FROM statsig.experiments WHERE id = 'checkout_v2'");
      sql.rows("SELECT id FROM statsig.experiments WHERE id = 'checkout_v2'");
      assertThat(source.calls()).hasSize(2);
    }
  }

  @Test
  void identicalConcurrentCallsShareOneUpstreamCall() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FixtureToolSource source = new FixtureToolSource().tool(ToolDescriptor.of(TOOL, ""), params -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return FixtureToolSource.single("ok", JsonNodeFactory.instance.objectNode().put("v", "shared"));
    });
    CallLayer calls = layer(source, CallOptions.defaults().withCacheTtl(Duration.ZERO));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Page> leader = pool.submit(() -> read(calls, CallContext.unbounded()));
      entered.await();
      Thread[] follower = new Thread[1];
      Future<Page> joined = pool.submit(() -> {
        follower[0] = Thread.currentThread();
        return read(calls, CallContext.unbounded());
      });
      // The follower parks on the leader's future (a timed wait); then let the leader finish.
      while (follower[0] == null || follower[0].getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      release.countDown();
      assertThat(value(joined.get())).isEqualTo("shared");
      assertThat(value(leader.get())).isEqualTo("shared");
      assertThat(source.calls()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rateLimitAndServerErrorsAreRetried() {
    FixtureToolSource source = scripted(
        FixtureToolSource.apiError(429, "Too many requests"), FixtureToolSource.apiError(503, "Unavailable"));
    assertThat(value(read(layer(source, FAST_RETRIES), CallContext.unbounded()))).isEqualTo("fine");
    assertThat(source.calls()).hasSize(3);
  }

  /** A body without the records (cut short or reshaped) is retried like a non-JSON one, then reported. */
  @Test
  void aBodyOfTheWrongShapeIsRetriedThenReported() {
    FixtureToolSource source = scripted(ToolResult.success("{\"message\":\"cut\"}"));
    assertThat(value(read(layer(source, FAST_RETRIES), CallContext.unbounded()))).isEqualTo("fine");
    assertThat(source.calls()).hasSize(2);

    FixtureToolSource alwaysWrong = new FixtureToolSource().tool(ToolDescriptor.of(TOOL, ""),
        params -> ToolResult.success("{\"message\":\"cut\"}"));
    assertThatThrownBy(() -> read(layer(alwaysWrong, FAST_RETRIES), CallContext.unbounded()))
        .isInstanceOf(ToolCallException.class).hasMessageContaining(TOOL).hasMessageContaining("no records");
    assertThat(alwaysWrong.calls()).hasSize(4);
  }

  @Test
  void retryAfterIsHonouredWhenTheErrorCarriesIt() {
    FixtureToolSource source = scripted(
        ToolResult.error("API Error (429): {\"status\":429,\"message\":\"slow down\",\"retryAfter\":0}"));
    assertThat(value(read(layer(source, CallOptions.defaults().withRetries(1, Duration.ofHours(1))), CallContext.unbounded())))
        .isEqualTo("fine");
    assertThat(source.calls()).hasSize(2);
  }

  @Test
  void clientErrorsAndCallsAfterTheFirstRowAreNotRetried() {
    FixtureToolSource notFound = scripted(FixtureToolSource.apiError(404, "No such thing"));
    assertThatThrownBy(() -> read(layer(notFound, FAST_RETRIES), CallContext.unbounded()))
        .isInstanceOf(ToolCallException.class)
        .hasMessageContaining(TOOL).hasMessageContaining("404").hasMessageContaining("Check the id");
    assertThat(notFound.calls()).hasSize(1);

    FixtureToolSource busy = scripted(FixtureToolSource.apiError(500, "boom"));
    CallContext afterFirstRow = CallContext.unbounded().withRetryAllowed(false);
    assertThatThrownBy(() -> read(layer(busy, FAST_RETRIES), afterFirstRow))
        .isInstanceOf(ToolCallException.class);
    assertThat(busy.calls()).hasSize(1);
  }

  @Test
  void brokenConnectionsAndNonJsonResultsAreRetriedBeforeTheFirstRowOnly() {
    Deque<Runnable> failures = new ArrayDeque<>(List.of(
        () -> { throw ToolCallException.transientFailure(TOOL, 0, "the connection broke", null); }));
    FixtureToolSource flaky = new FixtureToolSource().tool(ToolDescriptor.of(TOOL, ""), params -> {
      if (!failures.isEmpty()) {
        failures.poll().run();
      }
      return fine();
    });
    assertThat(value(read(layer(flaky, FAST_RETRIES), CallContext.unbounded()))).isEqualTo("fine");
    assertThat(flaky.calls()).hasSize(2);

    FixtureToolSource garbled = scripted(ToolResult.success("{\"data\": [tru"));
    assertThat(value(read(layer(garbled, FAST_RETRIES), CallContext.unbounded()))).isEqualTo("fine");
    assertThat(garbled.calls()).hasSize(2);

    FixtureToolSource garbledLate = scripted(ToolResult.success("{\"data\": [tru"));
    assertThatThrownBy(() -> read(layer(garbledLate, FAST_RETRIES), CallContext.unbounded().withRetryAllowed(false)))
        .isInstanceOf(ToolCallException.class)
        .hasMessageContaining("not JSON").hasMessageContaining("already returned rows").hasMessageContaining("run the query again");
    assertThat(garbledLate.calls()).hasSize(1);
  }

  @Test
  void retriesStopAfterTheLimit() {
    FixtureToolSource down = scripted(FixtureToolSource.apiError(502, "a"),
        FixtureToolSource.apiError(502, "b"), FixtureToolSource.apiError(502, "c"), FixtureToolSource.apiError(502, "d"));
    assertThatThrownBy(() -> read(layer(down, FAST_RETRIES), CallContext.unbounded()))
        .hasMessageContaining("502");
    assertThat(down.calls()).hasSize(4);
  }

  @Test
  void blockedToolsAreRefusedByTheCallLayer() {
    FixtureToolSource source = FixtureToolSource.statsig();
    assertThatThrownBy(() -> layer(source, CallOptions.defaults()).call("Update_Gate_Entirely", NO_ARGS, CallContext.unbounded()))
        .isInstanceOf(BlockedToolException.class);
    assertThat(source.calls()).isEmpty();
  }

  @Test
  void aCancelledQueryMakesNoCall() {
    FixtureToolSource source = FixtureToolSource.statsig();
    CallContext cancelled = new CallContext(new AtomicBoolean(true), Long.MAX_VALUE, true);
    assertThatThrownBy(() -> read(layer(source, CallOptions.defaults()), cancelled))
        .isInstanceOf(QueryAbortedException.class).hasMessageContaining("cancelled");
    CallContext expired = new CallContext(new AtomicBoolean(), System.nanoTime() - 1, true);
    assertThatThrownBy(() -> read(layer(source, CallOptions.defaults()), expired))
        .isInstanceOf(QueryAbortedException.class).hasMessageContaining("timed out");
    assertThat(source.calls()).isEmpty();
  }
}
