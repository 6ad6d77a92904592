package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load run of issue 7: many connections run a mix of queries in parallel against an emulator
 * that fails 1% of MCP requests (seeded) and enforces a project token bucket. Every result equals
 * the fault-free result (a failed call is retried, also on a page after rows were returned), or
 * failing that a SQLException with a SQLState, which fails the run; the emulator never has to refuse a
 * request for the rate limit (the connections' own limiters stay under it); after close no
 * HTTP client thread or socket to the emulator is left, no other kind of thread grew, and the used
 * heap after GC is where it was.
 *
 * <p>Not part of the default build (tag {@code load}): {@code mvn -Pload -pl driver -am test
 * -Dtest=LoadRunTest -Dsurefire.failIfNoSpecifiedTests=false}. {@code -Dload.connections} and
 * {@code -Dload.queries} change the size (default 16 x 500).
 */
@Tag("load")
class LoadRunTest {
  private static final int CONNECTIONS = Integer.getInteger("load.connections", 16);
  private static final int QUERIES_PER_CONNECTION = Integer.getInteger("load.queries", 500);
  private static final double FAULT_RATE = 0.01;
  private static final long FAULT_SEED = 7;
  /** The project's limit, as the emulator enforces it. */
  private static final int PROJECT_REQUESTS_PER_WINDOW = 1000;
  private static final Duration WINDOW = Duration.ofSeconds(10);
  /** Each connection's own limit: all of them together, plus their handshakes, stay under the project's. */
  private static final int CONNECTION_REQUESTS_PER_WINDOW = (PROJECT_REQUESTS_PER_WINDOW - 10 * CONNECTIONS) / CONNECTIONS;
  /** Heap growth tolerated between before and after (class loading, JIT and Calcite caches settle in the warm-up). */
  private static final long HEAP_SLACK_BYTES = 32L << 20;
  private static final Duration SETTLE = Duration.ofSeconds(60);
  /**
   * Bounded pools that grow with load and are not per connection: Reactor's shared workers (10 x cores at
   * most, idle ones end after 60 s) and the emulator's Tomcat request threads (it runs in this JVM).
   */
  private static final List<String> SHARED_POOLS = List.of("boundedElastic-#", "http-nio-");

  private static final List<String> MIX = List.of(
      "SELECT id, name, status FROM experiments ORDER BY id",
      "SELECT id, name, status, hypothesis FROM experiments WHERE id = 'checkout_v2'",
      "SELECT id, name, is_enabled FROM gates ORDER BY id",
      "SELECT COUNT(*) AS n FROM gates WHERE is_enabled",
      "SELECT metric_id, test_group_id, percent_change, p_value FROM experiment_results"
          + " WHERE experiment_id = 'checkout_v2' ORDER BY metric_id, test_group_id",
      "SELECT id, name FROM experiments WHERE id IN ('checkout_v2', 'onboarding_checklist') ORDER BY id");

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void manyConnectionsWithFaultsGetExactResultsOrClearErrorsAndLeaveNothingBehind() throws Exception {
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().today(StatsigEmulator.TODAY)
        .apiKey(StatsigEmulator.API_KEY, false).rateLimit(PROJECT_REQUESTS_PER_WINDOW, WINDOW))) {
      List<List<Map<String, Object>>> expected = faultFreeResults(emulator);
      assertThat(expected).allSatisfy(rows -> assertThat(rows).isNotEmpty());
      Resources before = Resources.settled(emulator.port());

      emulator.stats().reset();
      emulator.faults().reset().serverErrorRate(FAULT_RATE, 503, FAULT_SEED);
      Outcomes outcomes = new Outcomes();
      long started = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS, r -> new Thread(r, "load-client"));
      try {
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
          long seed = c;
          clients.add(pool.submit(() -> runClient(emulator, expected, new Random(seed), outcomes)));
        }
        for (Future<?> client : clients) {
          client.get();
        }
      } finally {
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      Map<String, Long> faults = emulator.faults().injected();
      long toolCalls = emulator.stats().snapshot().total();
      emulator.faults().reset();
      // Only loopback connections to the emulator count as the driver's: its sockets must all be gone.
      Resources after = Resources.settledTo(emulator.port(), before);

      System.out.printf(
          "Load run: %d connections x %d queries in %d s; %d exact results, errors by SQLState %s, wrong %d;"
              + " tool calls served %d (%.0f/s, project limit %d per %d s, each connection %d);"
              + " faults injected %s%n",
          CONNECTIONS, QUERIES_PER_CONNECTION, elapsed.toSeconds(), outcomes.exact.sum(), outcomes.errors(),
          outcomes.wrong.size(), toolCalls, toolCalls / Math.max(1e-3, elapsed.toMillis() / 1000.0),
          PROJECT_REQUESTS_PER_WINDOW, WINDOW.toSeconds(), CONNECTION_REQUESTS_PER_WINDOW, faults);
      System.out.printf("Before: %s%nAfter:  %s%n", before, after);
      outcomes.exampleBySqlState.forEach((state, example) -> System.out.printf("%s, e.g. %s%n", state, example));

      assertThat(outcomes.wrong).as("results that are neither the fault-free result nor a SQLException with a SQLState")
          .isEmpty();
      assertThat(outcomes.exact.sum() + outcomes.errorCount()).isEqualTo((long) CONNECTIONS * QUERIES_PER_CONNECTION);
      assertThat(faults.getOrDefault("serverError", 0L)).as("1%% of the requests failed").isPositive();
      assertThat(outcomes.errors()).as("every query recovers: a failed page is retried, even after rows were returned").isEmpty();
      assertThat(faults.getOrDefault("rateLimited", 0L)).as("requests the project's token bucket had to refuse").isZero();
      assertThat(after.emulatorSockets()).as("sockets to the emulator after close").isZero();
      assertThat(after.clientThreads()).as("HTTP client threads after close").isLessThanOrEqualTo(before.clientThreads());
      assertThat(after.threadsAbove(before)).as("kinds of threads (shared pools aside) more numerous than before")
          .isEmpty();
      assertThat(after.heapBytes()).as("used heap after GC").isLessThan(before.heapBytes() + HEAP_SLACK_BYTES);
    }
  }

  private static boolean isSharedPool(String threadName) {
    return SHARED_POOLS.stream().anyMatch(threadName::startsWith);
  }

  /** In a method of its own so that no stack slot keeps the warm-up connection reachable. */
  private static List<List<Map<String, Object>>> faultFreeResults(EmulatorServer emulator) throws SQLException {
    List<List<Map<String, Object>>> results = new ArrayList<>();
    try (Connection connection = connect(emulator)) {
      for (String sql : MIX) {
        results.add(StatsigEmulator.rows(connection, sql));
      }
    }
    return results;
  }

  private static void runClient(EmulatorServer emulator, List<List<Map<String, Object>>> expected, Random random,
      Outcomes outcomes) {
    int q = 0;
    try (Connection connection = connect(emulator)) {
      List<PreparedStatement> statements = new ArrayList<>();
      for (String sql : MIX) {
        statements.add(connection.prepareStatement(sql));
      }
      for (; q < QUERIES_PER_CONNECTION; q++) {
        int which = random.nextInt(MIX.size());
        try (var rs = statements.get(which).executeQuery()) {
          List<Map<String, Object>> rows = StatsigEmulator.rows(rs);
          if (rows.equals(expected.get(which))) {
            outcomes.exact.increment();
          } else {
            outcomes.wrong.add(MIX.get(which) + " gave " + rows.size() + " rows instead of " + expected.get(which).size());
          }
        } catch (SQLException e) {
          outcomes.error(MIX.get(which), e);
        }
      }
    } catch (SQLException e) {
      // Connecting and preparing meet the same faults: a clear error counts for every query the client had left.
      for (; q < QUERIES_PER_CONNECTION; q++) {
        outcomes.error("connect", e);
      }
    }
  }

  private static Connection connect(EmulatorServer emulator) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.URL.key(), emulator.mcpUrl());
    properties.setProperty(StatsigProperty.API_KEY.key(), StatsigEmulator.API_KEY);
    properties.setProperty(StatsigProperty.CACHE_TTL_SECONDS.key(), "0");
    properties.setProperty(StatsigProperty.REQUESTS_PER_10_SECONDS.key(), Integer.toString(CONNECTION_REQUESTS_PER_WINDOW));
    properties.setProperty(StatsigProperty.RETRY_BASE_DELAY_MILLIS.key(), "20");
    // Pages of 100: the gates scan takes two, so that faults also strike pages after rows were returned.
    properties.setProperty(StatsigProperty.PAGE_SIZE.key(), "100");
    return DriverManager.getConnection(StatsigDriver.PREFIX, properties);
  }

  /** What the clients saw, counted across threads. */
  private static final class Outcomes {
    final LongAdder exact = new LongAdder();
    final Map<String, LongAdder> errorsBySqlState = new ConcurrentHashMap<>();
    /** The first message seen per SQLState, to show what the errors said. */
    final Map<String, String> exampleBySqlState = new ConcurrentHashMap<>();
    final List<String> wrong = Collections.synchronizedList(new ArrayList<>());

    void error(String what, SQLException e) {
      if (e.getSQLState() == null || e.getSQLState().isBlank() || e.getMessage() == null || e.getMessage().isBlank()) {
        wrong.add(what + " failed without SQLState or message: " + e);
      } else {
        errorsBySqlState.computeIfAbsent(e.getSQLState(), s -> new LongAdder()).increment();
        exampleBySqlState.putIfAbsent(e.getSQLState(), what + ": " + e.getMessage());
      }
    }

    long errorCount() {
      return errorsBySqlState.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> errors() {
      return new TreeMap<>(errorsBySqlState.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())));
    }
  }

  /**
   * Sockets between this JVM and the emulator (both ends live here: counted from the local port of
   * /proc/net/tcp entries), threads of the MCP client's HTTP stack, and used heap after a GC.
   */
  record Resources(long emulatorSockets, long openFiles, long clientThreads, Map<String, Long> threadsByName,
      long heapBytes) {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    static Resources now(int emulatorPort) {
      MEMORY.gc();
      Map<String, Long> threads = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
          .collect(Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), TreeMap::new, Collectors.counting()));
      long clientThreads = threads.entrySet().stream().filter(e -> isClientThread(e.getKey()))
          .mapToLong(Map.Entry::getValue).sum();
      return new Resources(connectedSockets(emulatorPort), countOpenFiles(), clientThreads, threads,
          MEMORY.getHeapMemoryUsage().getUsed());
    }

    /** Waits (bounded) until closed clients' threads and sockets are collected, then measures. */
    static Resources settled(int emulatorPort) {
      return await(emulatorPort, r -> r.emulatorSockets() == 0 && r.clientThreads() == 0);
    }

    /** Waits (bounded) until sockets and client threads are back to {@code before}, then measures. */
    static Resources settledTo(int emulatorPort, Resources before) {
      return await(emulatorPort, r -> r.emulatorSockets() == 0 && r.clientThreads() <= before.clientThreads()
          && r.threadsAbove(before).isEmpty());
    }

    /** Each kind of thread, shared pools aside, with more threads than {@code before} had (new kinds included). */
    Map<String, Long> threadsAbove(Resources before) {
      Map<String, Long> above = new TreeMap<>();
      threadsByName.forEach((name, count) -> {
        if (!isSharedPool(name) && count > before.threadsByName().getOrDefault(name, 0L)) {
          above.put(name, count);
        }
      });
      return above;
    }

    private static Resources await(int emulatorPort, java.util.function.Predicate<Resources> done) {
      long deadline = System.nanoTime() + SETTLE.toNanos();
      Resources r = now(emulatorPort);
      while (!done.test(r) && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        r = now(emulatorPort);
      }
      return r;
    }

    /** Each MCP connection has a JDK HttpClient, and each HttpClient a selector thread. */
    private static boolean isClientThread(String name) {
      return name.startsWith("HttpClient-");
    }

    private static long countOpenFiles() {
      try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
        return fds.count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** TCP connections on loopback with the emulator's port on either end, in any state but LISTEN and TIME_WAIT. */
    private static long connectedSockets(int port) {
      String hexPort = String.format(":%04X", port);
      try (Stream<String> lines = Stream.concat(Files.lines(Path.of("/proc/net/tcp")).skip(1),
          Files.lines(Path.of("/proc/net/tcp6")).skip(1))) {
        return lines.map(String::trim).map(l -> l.split("\\s+"))
            .filter(f -> f[1].endsWith(hexPort) || f[2].endsWith(hexPort))
            .filter(f -> !f[3].equals("0A") && !f[3].equals("06")) // LISTEN, TIME_WAIT
            .count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return "sockets to the emulator " + emulatorSockets + ", open files " + openFiles + ", client threads "
          + clientThreads + ", used heap " + (heapBytes >> 20) + " MB; threads " + threadsByName;
    }
  }
}
