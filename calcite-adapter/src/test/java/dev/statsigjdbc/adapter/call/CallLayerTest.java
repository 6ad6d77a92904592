package dev.statsigjdbc.adapter.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.StatsigOptions;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Cache, retries, refusals and cancellation of the call layer. */
class CallLayerTest {

  private static final ObjectNode NO_ARGS = JsonNodeFactory.instance.objectNode().set("params", JsonNodeFactory.instance.objectNode());
  private static final CallOptions FAST_RETRIES = CallOptions.defaults().withRetries(3, Duration.ofMillis(1));

  /** A tool that answers from a script, then with success. */
  private static FixtureToolSource scripted(String tool, ToolResult... answers) {
    Deque<ToolResult> script = new ArrayDeque<>(List.of(answers));
    return new FixtureToolSource().tool(ToolDescriptor.of(tool, ""),
        params -> script.isEmpty() ? FixtureToolSource.single("ok", JsonNodeFactory.instance.textNode("fine")) : script.poll());
  }

  private static CallLayer layer(FixtureToolSource source, CallOptions options) {
    return new CallLayer(GuardedToolSource.wrap(source, ToolPolicy.defaults()), options);
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
    FixtureToolSource source = new FixtureToolSource().tool(ToolDescriptor.of("Get_Slow", ""), params -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return FixtureToolSource.single("ok", JsonNodeFactory.instance.textNode("shared"));
    });
    CallLayer calls = layer(source, CallOptions.defaults().withCacheTtl(Duration.ZERO));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<JsonNode> leader = pool.submit(() -> calls.call("Get_Slow", NO_ARGS, CallContext.unbounded()));
      entered.await();
      Thread[] follower = new Thread[1];
      Future<JsonNode> joined = pool.submit(() -> {
        follower[0] = Thread.currentThread();
        return calls.call("Get_Slow", NO_ARGS, CallContext.unbounded());
      });
      // The follower parks on the leader's future (a timed wait); then let the leader finish.
      while (follower[0] == null || follower[0].getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      release.countDown();
      assertThat(joined.get().get("data").asText()).isEqualTo("shared");
      assertThat(leader.get().get("data").asText()).isEqualTo("shared");
      assertThat(source.calls()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rateLimitAndServerErrorsAreRetried() {
    FixtureToolSource source = scripted("Get_Thing",
        FixtureToolSource.apiError(429, "Too many requests"), FixtureToolSource.apiError(503, "Unavailable"));
    JsonNode body = layer(source, FAST_RETRIES).call("Get_Thing", NO_ARGS, CallContext.unbounded());
    assertThat(body.get("data").asText()).isEqualTo("fine");
    assertThat(source.calls()).hasSize(3);
  }

  /** A body the caller's shape check objects to (no records) is retried like a non-JSON one, then reported. */
  @Test
  void aBodyOfTheWrongShapeIsRetriedThenReported() {
    FixtureToolSource source = scripted("Get_Thing", FixtureToolSource.single("no data", null));
    CallLayer layer = layer(source, FAST_RETRIES);
    java.util.function.Function<JsonNode, String> needsData = body -> body.hasNonNull("data") ? null : "no records";

    assertThat(layer.call("Get_Thing", NO_ARGS, CallContext.unbounded(), needsData).get("data").asText()).isEqualTo("fine");
    assertThat(source.calls()).hasSize(2);

    FixtureToolSource alwaysWrong = new FixtureToolSource().tool(ToolDescriptor.of("Get_Thing", ""),
        params -> FixtureToolSource.single("no data", null));
    assertThatThrownBy(() -> layer(alwaysWrong, FAST_RETRIES).call("Get_Thing", NO_ARGS, CallContext.unbounded(), needsData))
        .isInstanceOf(ToolCallException.class).hasMessageContaining("Get_Thing").hasMessageContaining("no records");
    assertThat(alwaysWrong.calls()).hasSize(4);
  }

  @Test
  void retryAfterIsHonouredWhenTheErrorCarriesIt() {
    FixtureToolSource source = scripted("Get_Thing",
        ToolResult.error("API Error (429): {\"status\":429,\"message\":\"slow down\",\"retryAfter\":0}"));
    assertThat(layer(source, CallOptions.defaults().withRetries(1, Duration.ofHours(1)))
        .call("Get_Thing", NO_ARGS, CallContext.unbounded()).get("data").asText()).isEqualTo("fine");
    assertThat(source.calls()).hasSize(2);
  }

  @Test
  void clientErrorsAndCallsAfterTheFirstRowAreNotRetried() {
    FixtureToolSource notFound = scripted("Get_Thing", FixtureToolSource.apiError(404, "No such thing"));
    assertThatThrownBy(() -> layer(notFound, FAST_RETRIES).call("Get_Thing", NO_ARGS, CallContext.unbounded()))
        .isInstanceOf(ToolCallException.class)
        .hasMessageContaining("Get_Thing").hasMessageContaining("404").hasMessageContaining("Check the id");
    assertThat(notFound.calls()).hasSize(1);

    FixtureToolSource busy = scripted("Get_Thing", FixtureToolSource.apiError(500, "boom"));
    CallContext afterFirstRow = CallContext.unbounded().withRetryAllowed(false);
    assertThatThrownBy(() -> layer(busy, FAST_RETRIES).call("Get_Thing", NO_ARGS, afterFirstRow))
        .isInstanceOf(ToolCallException.class);
    assertThat(busy.calls()).hasSize(1);
  }

  @Test
  void brokenConnectionsAndNonJsonResultsAreRetriedBeforeTheFirstRowOnly() {
    Deque<Runnable> failures = new ArrayDeque<>(List.of(
        () -> { throw ToolCallException.transientFailure("Get_Thing", 0, "the connection broke", null); }));
    FixtureToolSource flaky = new FixtureToolSource().tool(ToolDescriptor.of("Get_Thing", ""), params -> {
      if (!failures.isEmpty()) {
        failures.poll().run();
      }
      return FixtureToolSource.single("ok", JsonNodeFactory.instance.textNode("fine"));
    });
    assertThat(layer(flaky, FAST_RETRIES).call("Get_Thing", NO_ARGS, CallContext.unbounded()).get("data").asText())
        .isEqualTo("fine");
    assertThat(flaky.calls()).hasSize(2);

    FixtureToolSource garbled = scripted("Get_Thing", ToolResult.success("{\"data\": [tru"));
    assertThat(layer(garbled, FAST_RETRIES).call("Get_Thing", NO_ARGS, CallContext.unbounded()).get("data").asText())
        .isEqualTo("fine");
    assertThat(garbled.calls()).hasSize(2);

    FixtureToolSource garbledLate = scripted("Get_Thing", ToolResult.success("{\"data\": [tru"));
    assertThatThrownBy(() -> layer(garbledLate, FAST_RETRIES)
        .call("Get_Thing", NO_ARGS, CallContext.unbounded().withRetryAllowed(false)))
        .isInstanceOf(ToolCallException.class)
        .hasMessageContaining("not JSON").hasMessageContaining("already returned rows").hasMessageContaining("run the query again");
    assertThat(garbledLate.calls()).hasSize(1);
  }

  @Test
  void retriesStopAfterTheLimit() {
    FixtureToolSource down = scripted("Get_Thing", FixtureToolSource.apiError(502, "a"),
        FixtureToolSource.apiError(502, "b"), FixtureToolSource.apiError(502, "c"), FixtureToolSource.apiError(502, "d"));
    assertThatThrownBy(() -> layer(down, FAST_RETRIES).call("Get_Thing", NO_ARGS, CallContext.unbounded()))
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
    assertThatThrownBy(() -> layer(source, CallOptions.defaults()).call("Get_List_of_Tags", NO_ARGS, cancelled))
        .isInstanceOf(QueryAbortedException.class).hasMessageContaining("cancelled");
    CallContext expired = new CallContext(new AtomicBoolean(), System.nanoTime() - 1, true);
    assertThatThrownBy(() -> layer(source, CallOptions.defaults()).call("Get_List_of_Tags", NO_ARGS, expired))
        .isInstanceOf(QueryAbortedException.class).hasMessageContaining("timed out");
    assertThat(source.calls()).isEmpty();
  }
}
