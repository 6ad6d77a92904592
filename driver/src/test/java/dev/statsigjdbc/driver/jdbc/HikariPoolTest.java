package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HikariCP as applications configure it: a read-only pool of jdbc:statsig: connections (the API
 * key in the data source properties, not the URL), validated with a test query or with
 * {@code Connection.isValid}, shared by many threads at once, closed at the end.
 */
class HikariPoolTest {
  private static final int THREADS = 16;
  private static final int QUERIES_PER_THREAD = 8;
  private static final int POOL_SIZE = 4;

  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static Map<String, String> statusById;

  @BeforeAll
  static void start() throws Exception {
    try (Connection direct = emulator.connect()) {
      statusById = StatsigEmulator.rows(direct, "SELECT id, status FROM experiments").stream()
          .collect(Collectors.toMap(r -> (String) r.get("id"), r -> (String) r.get("status")));
    }
  }

  /** An empty test query means HikariCP validates with {@code Connection.isValid}. */
  @ParameterizedTest(name = "connectionTestQuery=''{0}''")
  @ValueSource(strings = {"VALUES 1", ""})
  void manyBorrowersGetTheirOwnRowsFromAReadOnlyPoolThatClosesCleanly(String testQuery) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setPoolName("statsig-" + (testQuery.isEmpty() ? "isValid" : "testQuery"));
    config.setDriverClassName(StatsigDriver.class.getName());
    config.setJdbcUrl(StatsigDriver.PREFIX + "url=" + emulator.server.mcpUrl());
    config.addDataSourceProperty("apiKey", StatsigEmulator.API_KEY);
    config.setReadOnly(true);
    config.setMaximumPoolSize(POOL_SIZE);
    if (!testQuery.isEmpty()) {
      config.setConnectionTestQuery(testQuery);
    }
    List<String> ids = List.copyOf(statusById.keySet());
    Set<StatsigConnection> physical = ConcurrentHashMap.newKeySet();

    try (HikariDataSource pool = new HikariDataSource(config)) {
      ExecutorService borrowers = Executors.newFixedThreadPool(THREADS);
      List<Callable<Integer>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        work.add(() -> {
          int checked = 0;
          for (int q = 0; q < QUERIES_PER_THREAD; q++) {
            String id = ids.get((thread * QUERIES_PER_THREAD + q) % ids.size());
            try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT id, status FROM experiments WHERE id = ?")) {
              assertThat(connection.isReadOnly()).isTrue();
              // Through HikariCP's proxy to the driver's own connection.
              physical.add(connection.unwrap(StatsigConnection.class));
              statement.setString(1, id);
              try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a row for %s", id).isTrue();
                assertThat(rs.getString("id")).isEqualTo(id);
                assertThat(rs.getString("status")).isEqualTo(statusById.get(id));
                assertThat(rs.next()).isFalse();
              }
              checked++;
            }
          }
          return checked;
        });
      }
      List<Future<Integer>> results = borrowers.invokeAll(work);
      borrowers.shutdown();
      int checked = 0;
      for (Future<Integer> result : results) {
        checked += result.get();
      }

      assertThat(checked).isEqualTo(THREADS * QUERIES_PER_THREAD);
      assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, POOL_SIZE);
      assertThat(physical).hasSizeBetween(1, POOL_SIZE);
    }

    assertThat(physical).allSatisfy(c -> assertThat(c.isClosed()).as("%s closed with the pool", c).isTrue());
  }
}
