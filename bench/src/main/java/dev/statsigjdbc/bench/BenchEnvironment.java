package dev.statsigjdbc.bench;

import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.api.ApiQuirks;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import dev.statsigjdbc.emulator.api.PageLimits;
import dev.statsigjdbc.emulator.data.Dataset;
import dev.statsigjdbc.emulator.data.DatasetGenerator;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;

/**
 * The emulator the benchmark talks to: the {@code large} data set generated once, served over
 * loopback HTTP with the injected latency, without a rate limit (figures that need Statsig's
 * token bucket start a second server over the same data), and JDBC connections to it.
 */
final class BenchEnvironment implements AutoCloseable {
  static final String API_KEY = "console-bench-read-only";
  /** A fixed day, so that every run sees the same data. */
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  /** Statsig's limit (about 100 requests per 10 s per project). */
  static final int STATSIG_BUCKET = 100;
  /** The driver's own bucket where a figure measures the driver rather than Statsig's limit. */
  static final int UNTHROTTLED = 1_000_000;

  private final Dataset dataset;
  private final ConsoleApi api;
  private final long latencyMillis;
  private final EmulatorServer server;

  BenchEnvironment(long latencyMillis) {
    this.latencyMillis = latencyMillis;
    this.dataset = DatasetGenerator.generate(DatasetProfile.LARGE, 42L, TODAY);
    this.api = new InMemoryConsoleApi(dataset, ApiQuirks.specExamples());
    this.server = EmulatorServer.start(config(), api);
  }

  Dataset dataset() {
    return dataset;
  }

  EmulatorServer server() {
    return server;
  }

  long latencyMillis() {
    return latencyMillis;
  }

  /** A second emulator over the same data with Statsig's token bucket on; the caller closes it. */
  EmulatorServer startRateLimited(int requestsPer10Seconds) {
    return EmulatorServer.start(config().rateLimit(requestsPer10Seconds, Duration.ofSeconds(10)), api);
  }

  /** Another emulator over the same data whose list pages are capped or refused above a size; the caller closes it. */
  EmulatorServer startWithPageLimits(PageLimits limits) {
    return EmulatorServer.start(config().latencyMillis(0), new InMemoryConsoleApi(dataset, ApiQuirks.specExamples(), limits));
  }

  private EmulatorConfig config() {
    return EmulatorConfig.defaults()
        .dataset(DatasetProfile.LARGE)
        .today(TODAY)
        .apiKey(API_KEY, false)
        .latencyMillis(latencyMillis);
  }

  /** Connection properties: the API key, the cache TTL, concurrency and the driver's bucket. */
  static Properties properties(int cacheTtlSeconds, int maxConcurrency, int requestsPer10Seconds) {
    Properties p = new Properties();
    StatsigProperty.API_KEY.set(p, API_KEY);
    StatsigProperty.CACHE_TTL_SECONDS.set(p, Integer.toString(cacheTtlSeconds));
    StatsigProperty.MAX_CONCURRENCY.set(p, Integer.toString(maxConcurrency));
    StatsigProperty.REQUESTS_PER_10_SECONDS.set(p, Integer.toString(requestsPer10Seconds));
    return p;
  }

  /** The driver as a user gets it: only the API key set. */
  static Properties defaultProperties() {
    Properties p = new Properties();
    StatsigProperty.API_KEY.set(p, API_KEY);
    return p;
  }

  static String jdbcUrl(EmulatorServer server) {
    return "jdbc:statsig:url=" + server.mcpUrl();
  }

  Connection connect(Properties properties) throws SQLException {
    return connect(server, properties);
  }

  static Connection connect(EmulatorServer server, Properties properties) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(server), properties);
  }

  ConsoleApi api() {
    return api;
  }

  @Override
  public void close() {
    server.close();
  }
}
