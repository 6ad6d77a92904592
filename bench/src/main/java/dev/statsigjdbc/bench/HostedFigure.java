package dev.statsigjdbc.bench;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.DashboardRefresher;
import dev.statsigjdbc.assistant.dashboard.Panel;
import dev.statsigjdbc.assistant.dashboard.Pin;
import dev.statsigjdbc.assistant.plan.OfflinePlanner;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 7: what a user of the hosted server waits for. The demo data behind an emulator with
 * Statsig's token bucket on (100 requests / 10 s) and a realistic round trip on every MCP call;
 * the driver with its default settings. The three seed questions asked through the assistant as
 * the demo asks them, and a six-chart dashboard refreshed, each cold (a new connection: empty
 * cache, the assistant reads the entities first) and warm (again, within the cache TTL), in
 * seconds and MCP calls, against the physical minimum ({@link PhysicalMinimum}).
 */
final class HostedFigure {
  private static final int WINDOW_SECONDS = 10;
  private static final double TARGET = 1.2;
  private static final Clock CLOCK = Clock.fixed(BenchEnvironment.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  private final long roundTripMillis;
  private final int repeats;

  HostedFigure(long roundTripMillis, int repeats) {
    this.roundTripMillis = roundTripMillis;
    this.repeats = repeats;
  }

  /** One piece of work measured cold then warm on one connection. */
  private interface Work {
    void run(Assistant assistant) throws Exception;
  }

  private record Measured(String name, PhysicalMinimum minimum, double coldMillis, long coldCalls, double warmMillis, long warmCalls) {
    double ratio(long roundTripMillis) {
      return coldMillis / minimum.millis(roundTripMillis, BenchEnvironment.STATSIG_BUCKET, WINDOW_SECONDS);
    }
  }

  FigureResult run() throws Exception {
    Dashboard dashboard = pinnedDashboard();
    List<Measured> measured = new ArrayList<>();
    long rateLimited;
    try (EmulatorServer server = EmulatorServer.start(demo()
        .latencyMillis(roundTripMillis)
        .rateLimit(BenchEnvironment.STATSIG_BUCKET, Duration.ofSeconds(WINDOW_SECONDS)))) {
      long limitedBefore = server.faults().injected("rateLimited");
      for (HostedQuestion q : HostedQuestion.SEED) {
        measured.add(measure(server, "ask: " + q.question(), q.roundTrips(), assistant -> {
          if (!assistant.ask(q.question()).understood()) {
            throw new IllegalStateException("the assistant did not understand " + q.question());
          }
        }));
      }
      int dashboardRoundTrips = HostedQuestion.DASHBOARD.stream().mapToInt(HostedQuestion::roundTrips).max().orElseThrow();
      measured.add(measure(server, "dashboard of " + dashboard.pins().size() + " charts refreshed", dashboardRoundTrips,
          assistant -> {
            for (Panel panel : new DashboardRefresher(assistant, CLOCK).refresh(dashboard)) {
              if (panel.error() != null) {
                throw new IllegalStateException("a dashboard panel failed: " + panel.error());
              }
            }
          }));
      rateLimited = server.faults().injected("rateLimited") - limitedBefore;
    }
    return result(measured, rateLimited);
  }

  /** Median of the repeats, each on a new connection once the emulator's bucket has refilled. */
  private Measured measure(EmulatorServer server, String name, int roundTrips, Work work) throws Exception {
    double[] cold = new double[repeats];
    double[] warm = new double[repeats];
    long coldCalls = 0;
    long warmCalls = 0;
    for (int i = 0; i < repeats; i++) {
      try (Connection connection = BenchEnvironment.connect(server, BenchEnvironment.defaultProperties())) {
        Assistant assistant = new Assistant(connection, new OfflinePlanner(), CLOCK);
        server.stats().reset();
        cold[i] = Timer.millis(() -> work.run(assistant));
        coldCalls = server.stats().snapshot().total();
        server.stats().reset();
        warm[i] = Timer.millis(() -> work.run(assistant));
        warmCalls = server.stats().snapshot().total();
      }
      refill(coldCalls);
    }
    Measured m = new Measured(name, new PhysicalMinimum(HostedQuestion.LEXICON_ROUND_TRIPS + roundTrips, coldCalls),
        Medians.median(cold), coldCalls, Medians.median(warm), warmCalls);
    System.out.printf("  [7] %-90s cold %6.0f ms %3d calls (minimum %5.0f ms: %.2fx), warm %5.1f ms %d calls%n", name,
        m.coldMillis(), m.coldCalls(), m.minimum().millis(roundTripMillis, BenchEnvironment.STATSIG_BUCKET, WINDOW_SECONDS),
        m.ratio(roundTripMillis), m.warmMillis(), m.warmCalls());
    return m;
  }

  /** Waits until the emulator's bucket has refilled what the last run took from it (it refills evenly over the window). */
  private static void refill(long calls) throws InterruptedException {
    Thread.sleep(Math.min(WINDOW_SECONDS * 1000L, calls * WINDOW_SECONDS * 1000L / BenchEnvironment.STATSIG_BUCKET));
  }

  private FigureResult result(List<Measured> measured, long rateLimited) {
    List<String> details = new ArrayList<>();
    details.add(String.format("Emulator: demo data, %d ms added to every MCP request, token bucket %d / %d s (429 beyond it);"
        + " driver: default settings. Median of %d runs, each on a new connection after the bucket refilled.",
        roundTripMillis, BenchEnvironment.STATSIG_BUCKET, WINDOW_SECONDS, repeats));
    details.add("| work | cold | calls | physical minimum | cold / minimum | warm | calls |");
    details.add("|---|---:|---:|---:|---:|---:|---:|");
    double worst = 0;
    long warmCalls = 0;
    for (Measured m : measured) {
      double minimum = m.minimum().millis(roundTripMillis, BenchEnvironment.STATSIG_BUCKET, WINDOW_SECONDS);
      worst = Math.max(worst, m.ratio(roundTripMillis));
      warmCalls += m.warmCalls();
      details.add(String.format("| %s | %.2f s | %d | %.2f s (%d round trips) | %.2fx | %.3f s | %d |", m.name(),
          m.coldMillis() / 1000, m.coldCalls(), minimum / 1000, m.minimum().roundTrips(), m.ratio(roundTripMillis),
          m.warmMillis() / 1000, m.warmCalls()));
    }
    details.add("Critical paths: " + HostedQuestion.LEXICON_ROUND_TRIPS + " round trip for the entities the assistant reads on a"
        + " cold connection, then " + String.join("; ", HostedQuestion.DASHBOARD.stream()
            .map(q -> q.question() + " " + q.roundTrips() + " (" + q.why() + ")").toList())
        + ". The dashboard's charts need nothing from one another: its critical path is its longest chart's."
        + " The rate limit adds nothing while the calls fit the bucket's burst of " + BenchEnvironment.STATSIG_BUCKET + ".");
    details.add("Answers 429 (rate limited) during the figure: " + rateLimited);
    return new FigureResult(String.format("7. Hosted conditions (%d ms round trip, %d requests / %d s): seed questions and a"
        + " six-chart dashboard, cold and warm", roundTripMillis, BenchEnvironment.STATSIG_BUCKET, WINDOW_SECONDS),
        "cold <= " + TARGET + "x the physical minimum; warm 0 calls",
        String.format("worst cold %.2fx; warm %d calls; %d x 429", worst, warmCalls, rateLimited),
        worst <= TARGET && warmCalls == 0 && rateLimited == 0, details);
  }

  private static EmulatorConfig demo() {
    return EmulatorConfig.defaults().today(BenchEnvironment.TODAY).apiKey(BenchEnvironment.API_KEY, false);
  }

  /** The six questions pinned from a fast emulator (same data), which also warms the JVM up. */
  private static Dashboard pinnedDashboard() throws Exception {
    Dashboard dashboard = Dashboard.empty("bench");
    try (EmulatorServer warmUp = EmulatorServer.start(demo());
        Connection connection = BenchEnvironment.connect(warmUp, BenchEnvironment.defaultProperties())) {
      Assistant assistant = new Assistant(connection, new OfflinePlanner(), CLOCK);
      for (HostedQuestion q : HostedQuestion.DASHBOARD) {
        Answer answer = assistant.ask(q.question());
        dashboard = dashboard.with(Pin.of(answer, Instant.now(CLOCK)));
      }
    }
    return dashboard;
  }
}
