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
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      LeaderAndFollower both = leaderAndFollower(layer(source, CallOptions.defaults().withCacheTtl(Duration.ZERO)), entered, pool);
      release.countDown();
      assertThat(value(both.follower().get())).isEqualTo("shared");
      assertThat(value(both.leader().get())).isEqualTo("shared");
      assertThat(source.calls()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private record LeaderAndFollower(Future<Page> leader, Future<Page> follower) {}

  /** Two equal reads: the first has entered the source when the second is parked on its answer (a timed wait). */
  private static LeaderAndFollower leaderAndFollower(CallLayer calls, CountDownLatch entered, ExecutorService pool)
      throws InterruptedException {
    Future<Page> leader = pool.submit(() -> read(calls, CallContext.unbounded()));
    entered.await();
    Thread[] parked = new Thread[1];
    Future<Page> follower = pool.submit(() -> {
      parked[0] = Thread.currentThread();
      return read(calls, CallContext.unbounded());
    });
    while (parked[0] == null || parked[0].getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    return new LeaderAndFollower(leader, follower);
  }

  @Test
  void aFollowerAsksAgainWhenTheLeadersQueryEnded() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Deque<Boolean> leaderEnds = new ArrayDeque<>(List.of(true));
    FixtureToolSource source = new FixtureToolSource().tool(ToolDescriptor.of(TOOL, ""), params -> {
      if (leaderEnds.poll() != null) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new QueryAbortedException("The query's result was closed before this call was sent.");
      }
      return fine();
    });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      LeaderAndFollower both = leaderAndFollower(layer(source, CallOptions.defaults().withCacheTtl(Duration.ZERO)), entered, pool);
      release.countDown();
      assertThat(value(both.follower().get())).as("the follower's own query goes on").isEqualTo("fine");
      assertThatThrownBy(both.leader()::get).hasCauseInstanceOf(QueryAbortedException.class);
      assertThat(source.calls()).hasSize(2);
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
  void clientErrorsAreNotRetried() {
    FixtureToolSource notFound = scripted(FixtureToolSource.apiError(404, "No such thing"));
    assertThatThrownBy(() -> read(layer(notFound, FAST_RETRIES), CallContext.unbounded()))
        .isInstanceOf(ToolCallException.class)
        .hasMessageContaining(TOOL).hasMessageContaining("404").hasMessageContaining("Check the id");
    assertThat(notFound.calls()).hasSize(1);
  }

  @Test
  void brokenConnectionsAndNonJsonResultsAreRetried() {
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
  void aCancelledStoppedOrExpiredQueryMakesNoCall() {
    FixtureToolSource source = FixtureToolSource.statsig();
    CallContext cancelled = new CallContext(new AtomicBoolean(true), new AtomicBoolean(), Long.MAX_VALUE);
    assertThatThrownBy(() -> read(layer(source, CallOptions.defaults()), cancelled))
        .isInstanceOf(QueryAbortedException.class).hasMessageContaining("cancelled");
    CallContext stopped = new CallContext(new AtomicBoolean(), new AtomicBoolean(true), Long.MAX_VALUE);
    assertThatThrownBy(() -> read(layer(source, CallOptions.defaults()), stopped))
        .isInstanceOf(QueryAbortedException.class).hasMessageContaining("closed");
    CallContext expired = new CallContext(new AtomicBoolean(), new AtomicBoolean(), System.nanoTime() - 1);
    assertThatThrownBy(() -> read(layer(source, CallOptions.defaults()), expired))
        .isInstanceOf(QueryAbortedException.class).hasMessageContaining("timed out");
    assertThat(source.calls()).isEmpty();
  }
}
