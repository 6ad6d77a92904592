package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQL as analysts and BI tools write it: no crash, PostgreSQL-like types, the functions they expect. */
class AnalystSqlTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    connection = emulator.connect("timeoutSeconds=10");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT id FROM experiments WHERE duration = 'abc'|abc|BIGINT",
      "SELECT id FROM experiments WHERE start_time > 'yesterday'|yesterday|TIMESTAMP",
      "SELECT metric_id FROM metric_values WHERE metric_id = 'm' AND ds = '11/01/2026'|11/01/2026|DATE",
      "SELECT duration + 'x' FROM experiments|x|",
  })
  void aLiteralOfTheWrongTypeIsADataErrorNamingTheValueAndType(String sql, String value, String type)
      throws SQLException {
    for (boolean prepared : new boolean[] {false, true}) {
      assertThatThrownBy(() -> run(sql, prepared))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).startsWith("22");
            assertThat(e.getMessage()).contains("'" + value + "'");
            if (type != null) {
              assertThat(e.getMessage()).contains(type);
            }
          });
    }
    // The connection goes on working.
    assertThat(rows(connection, "SELECT COUNT(*) AS n FROM tags")).hasSize(1);
  }

  @Test
  void textOutsideLatin1FiltersLikeAnyOther() throws SQLException {
    assertThat(rows(connection, "SELECT name FROM tags WHERE name LIKE '%日本%' OR name = '🚀'")).isEmpty();
    assertThat(rows(connection, "SELECT '日本🚀' AS t FROM tags LIMIT 1")).containsExactly(Map.of("t", "日本🚀"));
  }

  @Test
  void averagesOfIntegersKeepTheirFraction() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT AVG(x) AS a FROM (VALUES 1, 2) AS t(x)")) {
      rs.next();
      assertThat(rs.getBigDecimal("a")).isEqualByComparingTo(new BigDecimal("1.5"));
    }
    Object average = rows(connection, "SELECT AVG(duration) AS a FROM experiments").get(0).get("a");
    Object sum = rows(connection, "SELECT SUM(duration) * 1.0 / COUNT(duration) AS a FROM experiments").get(0).get("a");
    assertThat(((Number) average).doubleValue()).isCloseTo(((Number) sum).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void caseResultsAreVarcharWithoutPadding() throws SQLException {
    List<Map<String, Object>> rows = rows(connection,
        "SELECT CASE WHEN status = 'active' THEN 'on' ELSE 'not running' END AS state FROM experiments");
    assertThat(rows).extracting(row -> row.get("state")).contains("on", "not running");
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT CASE WHEN 1 = 1 THEN 'on' ELSE 'off!' END AS s FROM tags")) {
      assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("VARCHAR");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT LENGTH('abc') FROM tags LIMIT 1|3",
      "SELECT SPLIT_PART('a,b', ',', 2) FROM tags LIMIT 1|b",
      "SELECT CAST('a' ILIKE 'A' AS VARCHAR) FROM tags LIMIT 1|TRUE",
      "SELECT TO_CHAR(TIMESTAMP '2026-01-05 10:00:00', 'YYYY-MM') FROM tags LIMIT 1|2026-01",
      "SELECT CAST(DATE_TRUNC('month', TIMESTAMP '2026-01-05 10:00:00') AS VARCHAR) FROM tags LIMIT 1|2026-01-01 00:00:00",
      "SELECT CAST(DATE_TRUNC('week', DATE '2026-01-08') AS VARCHAR) FROM tags LIMIT 1|2026-01-05 00:00:00",
      "SELECT CONCAT('a', 'b') FROM tags LIMIT 1|ab",
  })
  void functionsBiToolsGenerateAreThere(String sql, String expected) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualToIgnoringCase(expected);
    }
  }

  private static void run(String sql, boolean prepared) throws SQLException {
    if (prepared) {
      try (var statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
        rows(rs);
      }
    } else {
      rows(connection, sql);
    }
  }
}
