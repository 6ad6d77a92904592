package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Results that are right or refused, never plausible and wrong; refusals and warnings that name the real cause. */
class HonestResultsTest {
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

  @BeforeEach
  void resetCounts() {
    emulator.server.stats().reset();
  }

  @Test
  void aJoinOnAFilterOnlyKeyColumnCountsWhatAFilterFinds() throws SQLException {
    Map<Object, Object> byFilter = rows(connection, "SELECT name FROM tags").stream()
        .map(row -> (String) row.get("name"))
        .collect(Collectors.toMap(tag -> tag, tag -> count("SELECT COUNT(*) AS n FROM experiments WHERE tag = '"
            + tag.replace("'", "''") + "'")));
    assertThat(byFilter.values()).as("some tag is used").anyMatch(n -> ((Number) n).longValue() > 0);

    Map<Object, Object> byJoin = rows(connection,
        "SELECT t.name, COUNT(e.id) AS n FROM tags t LEFT JOIN experiments e ON e.tag = t.name GROUP BY t.name")
        .stream().collect(Collectors.toMap(row -> row.get("name"), row -> row.get("n")));
    assertThat(byJoin).isEqualTo(byFilter);
    long tagged = byFilter.values().stream().mapToLong(n -> ((Number) n).longValue()).sum();
    assertThat(count("SELECT COUNT(*) AS n FROM experiments e JOIN tags t ON e.tag = t.name"))
        .as("the key table on the left").isEqualTo(tagged);
  }

  @Test
  void aBoundedRelativeRangeIsFoldedIntoDays() throws SQLException {
    List<Map<String, Object>> rows = rows(connection, "SELECT ds FROM metric_values WHERE metric_id = 'revenue_per_user::sum'"
        + " AND ds >= CURRENT_DATE - INTERVAL '7' DAY AND ds < CURRENT_DATE");
    assertThat(emulator.server.stats().snapshot().total()).as("one call per day").isEqualTo(7);
    assertThat(rows).allSatisfy(row -> assertThat(row.get("ds").toString())
        .isLessThan(java.time.LocalDate.now().toString()));
  }

  @Test
  void anOptionalKeyListOverItsCapListsAndFilters() throws SQLException {
    List<String> ids = rows(connection, "SELECT id FROM experiments").stream().map(row -> (String) row.get("id")).toList();
    String list = IntStream.range(0, 101).mapToObj(i -> "'" + (i < ids.size() ? ids.get(i) : "missing_" + i) + "'")
        .collect(Collectors.joining(", "));
    assertThat(rows(connection, "SELECT id FROM experiments WHERE id IN (" + list + ")"))
        .hasSize(Math.min(101, ids.size()));
  }

  @Test
  void anEmptyIdIsNoRow() throws SQLException {
    assertThat(rows(connection, "SELECT id FROM experiments WHERE id = ''")).isEmpty();
    assertThat(rows(connection, "SELECT gate_id FROM gate_rules WHERE gate_id = ''")).isEmpty();
    assertThat(emulator.server.stats().snapshot().total()).isZero();
  }

  @Test
  void aLongRangeIsRefusedWithItsRealDayCount() {
    assertThatThrownBy(() -> rows(connection, "SELECT ds FROM metric_values WHERE metric_id = 'revenue_per_user::sum'"
        + " AND ds BETWEEN DATE '2026-01-01' AND DATE '2026-11-01'"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("22023");
          assertThat(e.getMessage()).contains("supplies 305");
        });
  }

  @Test
  void emptyResultsSayWhatHappened() throws SQLException {
    assertThat(emptyWarning("SELECT * FROM experiment_results WHERE experiment_id = 'no_such_experiment'"))
        .contains("no_such_experiment").doesNotContain("(ds)").doesNotContain("project");
    assertThat(emptyWarning("SELECT * FROM experiments WHERE tag = 'no_such_tag'"))
        .containsIgnoringCase("no row matched").contains("no_such_tag").doesNotContain("project");
  }

  private static String emptyWarning(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      assertThat(rs.next()).isFalse();
      SQLWarning warning = statement.getWarnings();
      assertThat((Object) warning).as("a warning").isNotNull();
      return warning.getMessage();
    }
  }

  private static Object count(String sql) {
    try {
      return rows(connection, sql).get(0).get("n");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
