package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Work nobody will read is stopped: pages read ahead that wait for the rate limit are never sent
 * once the result set is closed, its LIMIT is satisfied or the query times out, and nothing of
 * the scan is still running when the call that ended it returns. The connection's bucket holds 3
 * calls and refills one every 3.3 s, so pages read ahead of {@code audit_logs} (3000 entries in
 * pages of 100) wait for their tokens when the reader stops after 150 rows.
 */
class UnreadPagesTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  private static final String TOOL = "Get_Audit_Logs";
  private static final String[] SLOW_BUCKET = {"pageSize=100", "maxConcurrency=4", "requestsPer10Seconds=3", "cacheTtlSeconds=0"};

  @BeforeEach
  void countFromZero() {
    emulator.server.stats().reset();
  }

  @Test
  void closingAResultSetStopsThePagesReadAhead() throws SQLException {
    try (Connection connection = emulator.connect(SLOW_BUCKET); Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT id FROM audit_logs")) {
        read(rs, 150);
      }
      assertNothingOfTheScanRuns();
      assertNoCallOfTheScanLater(connection);
    }
  }

  @Test
  void aSatisfiedLimitStopsThePagesReadAhead() throws SQLException {
    try (Connection connection = emulator.connect(SLOW_BUCKET)) {
      // The filter is not pushed down, so the LIMIT is not the page size: the scan pages until 150 rows passed it.
      List<Map<String, Object>> rows = StatsigEmulator.rows(connection,
          "SELECT id FROM audit_logs WHERE CHAR_LENGTH(id) > 0 LIMIT 150");
      assertThat(rows).hasSize(150);
      assertNothingOfTheScanRuns();
      assertNoCallOfTheScanLater(connection);
    }
  }

  @Test
  void aQueryTimeoutStopsThePagesReadAhead() throws SQLException {
    try (Connection connection = emulator.connect(SLOW_BUCKET); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      SQLException timedOut = catchThrowableOfType(() -> {
        try (ResultSet rs = statement.executeQuery("SELECT id FROM audit_logs")) {
          read(rs, Integer.MAX_VALUE);
        }
      }, SQLException.class);
      assertThat((Object) timedOut).isNotNull();
      assertThat(timedOut.getSQLState()).isEqualTo("HYT00");
      assertNothingOfTheScanRuns();
      assertNoCallOfTheScanLater(connection);
    }
  }

  private static void read(ResultSet rs, int rows) throws SQLException {
    for (int i = 0; i < rows && rs.next(); i++) {
      rs.getString(1);
    }
  }

  private static long calls() {
    return emulator.server.stats().snapshot().calls(TOOL);
  }

  /**
   * The pages read (two, 150 rows) and at most the read-ahead depth beyond them were sent; and
   * none later: a query that has to wait for the connection's bucket (the scan emptied it) runs
   * to its end without an audit log call arriving meanwhile.
   */
  private static void assertNoCallOfTheScanLater(Connection connection) throws SQLException {
    long atTheEnd = calls();
    assertThat(atTheEnd).isBetween(2L, 2L + 4);
    assertThat(StatsigEmulator.rows(connection, "SELECT id FROM gates WHERE id = 'new_onboarding'")).hasSize(1);
    assertThat(calls()).as("audit log pages sent after the scan ended").isEqualTo(atTheEnd);
  }

  /** No thread but this one is inside the adapter: no page of the scan is waiting to be sent or being read. */
  private static void assertNothingOfTheScanRuns() {
    Thread self = Thread.currentThread();
    List<String> busy = Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey() != self)
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("dev.statsigjdbc.adapter.")))
        .map(e -> e.getKey().getName() + " at " + Arrays.stream(e.getValue())
            .filter(f -> f.getClassName().startsWith("dev.statsigjdbc.")).findFirst().orElseThrow())
        .toList();
    assertThat(busy).as("threads still working for the scan").isEmpty();
  }
}
