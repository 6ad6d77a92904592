package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.emulator.mcp.ToolCallStats;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pushdown seen as tool calls, read-only refusals, errors with SQLStates, warnings, joins. */
class ConnectionBehaviourTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  @BeforeEach
  void resetCounts() {
    emulator.server.stats().reset();
  }

  private static ToolCallStats.Snapshot calls() {
    return emulator.server.stats().snapshot();
  }

  @Test
  void anIdFilterMakesOneDetailCallAndNoListCall() throws Exception {
    try (Connection connection = emulator.connect()) {
      emulator.server.stats().reset();

      List<Map<String, Object>> rows = rows(connection, "SELECT id, status FROM experiments WHERE id = 'checkout_v2'");

      assertThat(rows).extracting(r -> r.get("id")).containsExactly("checkout_v2");
      assertThat(calls().calls("Get_Experiment_Details_by_ID")).isEqualTo(1);
      assertThat(calls().calls("Get_List_of_Experiments")).isZero();
    }
  }

  @Test
  void anInListOfMoreThanTwentyIdsMakesOneDetailCallPerIdAndNoListCall() throws Exception {
    try (Connection connection = emulator.connect()) {
      List<String> ids = rows(connection, "SELECT id FROM gates LIMIT 30").stream().map(r -> (String) r.get("id")).toList();
      emulator.server.stats().reset();

      List<Map<String, Object>> rows = rows(connection, "SELECT id FROM gates WHERE id IN ("
          + String.join(", ", ids.stream().map(id -> "'" + id + "'").toList()) + ")");

      assertThat(rows).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(calls().calls("Get_Gate_Details_by_ID")).isEqualTo(30);
      assertThat(calls().calls("Get_List_of_Gates")).isZero();
    }
  }

  @Test
  void aFilterCrossingAJoinNeverExceedsTheReceivingKeysLimit() throws Exception {
    try (Connection connection = emulator.connect()) {
      List<String> ids = new java.util.ArrayList<>(rows(connection,
          "SELECT id FROM gates WHERE id <> 'new_onboarding' LIMIT 29").stream().map(r -> (String) r.get("id")).toList());
      ids.add("new_onboarding");
      // gate_results takes at most 20 gate ids per query: the 30 on gates must not be copied onto it.
      List<Map<String, Object>> rules = rows(connection, "SELECT r.gate_id, r.rule_id FROM gates g"
          + " JOIN gate_results r ON r.gate_id = g.id WHERE g.id IN ("
          + String.join(", ", ids.stream().map(id -> "'" + id + "'").toList()) + ")");

      assertThat(rules).extracting(r -> r.get("gate_id")).contains("new_onboarding").allMatch(ids::contains);
    }
  }

  @Test
  void aTagFilterIsSentToTheListToolSoThatOnlyTaggedPagesAreRead() throws Exception {
    try (Connection connection = emulator.connect("cacheTtlSeconds=0")) {
      List<Map<String, Object>> all = rows(connection, "SELECT id, tags FROM experiments");
      String tag = "checkout";
      List<Object> tagged = all.stream().filter(r -> String.valueOf(r.get("tags")).contains("\"" + tag + "\""))
          .map(r -> r.get("id")).toList();
      emulator.server.stats().reset();

      List<Map<String, Object>> rows = rows(connection, "SELECT id, tag FROM experiments WHERE tag = '" + tag + "'");

      assertThat(tagged).isNotEmpty();
      assertThat(rows).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(tagged);
      assertThat(rows).extracting(r -> r.get("tag")).containsOnly(tag);
      assertThat(calls().total()).isEqualTo(calls().calls("Get_List_of_Experiments")).isEqualTo((tagged.size() + 99) / 100);
    }
  }

  @Test
  void explainShowsTheToolCallsAndCallsNothing() throws Exception {
    try (Connection connection = emulator.connect()) {
      emulator.server.stats().reset();

      List<Map<String, Object>> plan = rows(connection, "EXPLAIN PLAN FOR SELECT * FROM gates WHERE id = 'new_onboarding'");

      assertThat(plan.toString()).contains("Get_Gate_Details_by_ID").contains("new_onboarding");
      assertThat(calls().total()).isZero();
    }
  }

  @Test
  void aMalformedUrlIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:statsig:apiKey='console-secret-key"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
            .contains("key=value").doesNotContain("console-secret-key"));
  }

  @Test
  void limitTenMakesOneCall() throws Exception {
    try (Connection connection = emulator.connect()) {
      emulator.server.stats().reset();

      assertThat(rows(connection, "SELECT id FROM gates LIMIT 10")).hasSize(10);
      assertThat(calls().total()).isEqualTo(1);
    }
  }

  @Test
  void aRepeatedQueryWithinTheCacheTtlMakesNoCall() throws Exception {
    try (Connection connection = emulator.connect("cacheTtlSeconds=600")) {
      String sql = "SELECT name FROM gates WHERE id = 'new_onboarding'";
      List<Map<String, Object>> first = rows(connection, sql);
      long afterFirst = calls().total();

      assertThat(rows(connection, sql)).isEqualTo(first);
      assertThat(calls().total()).isEqualTo(afterFirst);
    }
  }

  @Test
  void cacheTtlZeroCallsAgain() throws Exception {
    try (Connection connection = emulator.connect("cacheTtlSeconds=0")) {
      String sql = "SELECT name FROM gates WHERE id = 'new_onboarding'";
      rows(connection, sql);
      long afterFirst = calls().total();

      rows(connection, sql);
      assertThat(calls().total()).isEqualTo(2 * afterFirst);
    }
  }

  @Test
  void aMissingRequiredFilterSaysWhichColumnAndGivesAnExample() throws Exception {
    try (Connection connection = emulator.connect()) {
      assertThatThrownBy(() -> rows(connection, "SELECT * FROM experiment_results"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22023");
            assertThat(e.getMessage()).contains("experiment_id").contains("WHERE");
          });
    }
  }

  @Test
  void anUnknownTableIs42S02AndListsTheTables() throws Exception {
    try (Connection connection = emulator.connect()) {
      assertThatThrownBy(() -> rows(connection, "SELECT * FROM experimentz"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42S02");
            assertThat(e.getMessage()).contains("experimentz").contains("experiments").contains("gate_rules");
          });
    }
  }

  @Test
  void writesAreRefusedWith25006AndNothingReachesStatsig() throws Exception {
    try (Connection connection = emulator.connect(); Statement statement = connection.createStatement()) {
      for (String sql : List.of(
          "INSERT INTO gates (id, name) VALUES ('g', 'G')",
          "UPDATE gates SET name = 'x' WHERE id = 'new_onboarding'",
          "DELETE FROM experiments WHERE id = 'checkout_v2'",
          "CREATE TABLE t (a INT)",
          "DROP TABLE gates")) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql)
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("25006");
              assertThat(e.getMessage()).contains("read-only");
            });
      }
      assertThatThrownBy(() -> connection.prepareStatement("UPDATE gates SET name = 'x'"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
      assertThatThrownBy(() -> rows(connection, "SELECT * FROM TABLE(statsig.tool('Update_Gate_Entirely',"
          + " '{\"params\":{\"path_id\":\"new_onboarding\",\"application/json\":{\"name\":\"x\"}}}'))"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("25006");
            assertThat(e.getMessage()).contains("Update_Gate_Entirely");
          });
    }
    assertThat(emulator.console().writeCount()).isZero();
    assertThat(calls().writes()).isZero();
  }

  @Test
  void theConnectionIsReadOnlyInAutoCommitAndCommitDoesNothing() throws Exception {
    try (Connection connection = emulator.connect()) {
      connection.setAutoCommit(false);
      connection.commit();
      connection.rollback();
      connection.setReadOnly(false);

      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(connection.isReadOnly()).isTrue();
      assertThat((Object) connection.getWarnings()).isNull();
      assertThat(connection.getMetaData().isReadOnly()).isTrue();
    }
  }

  @Test
  void theApiKeyAppearsNowhereTheConnectionDescribesItself() throws Exception {
    try (Connection connection = emulator.connect()) {
      assertThat(connection.toString()).contains(emulator.server.mcpUrl()).doesNotContain(StatsigEmulator.API_KEY);
      assertThat(connection.getMetaData().getURL()).doesNotContain(StatsigEmulator.API_KEY);
      assertThat(connection.getClientInfo().toString()).doesNotContain(StatsigEmulator.API_KEY);
    }
  }

  @Test
  void closingTheConnectionEndsItsSession() throws Exception {
    Connection connection = emulator.connect();
    connection.close();

    assertThat(connection.isClosed()).isTrue();
    assertThatThrownBy(() -> connection.createStatement()).isInstanceOf(SQLException.class);
  }

  @Test
  void anEmptyUnfilteredExperimentsResultWarnsAboutTheProject() throws Exception {
    try (Connection connection = emulator.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id FROM experiments WHERE name LIKE 'no experiment has this name%'")) {
      assertThat(rs.next()).isFalse();

      assertThat((Object) rs.getWarnings()).isNotNull();
      assertThat(rs.getWarnings().getMessage()).startsWith("No experiments returned").contains("reconnect");
    }
  }

  @Test
  void metricValuesBeforeAnyDataWarnToWidenTheRange() throws Exception {
    try (Connection connection = emulator.connect();
        PreparedStatement statement = connection.prepareStatement("SELECT * FROM metric_values"
            + " WHERE metric_id = 'revenue_per_user::sum' AND ds BETWEEN DATE '1999-01-01' AND DATE '1999-01-02'");
        ResultSet rs = statement.executeQuery()) {
      List<Map<String, Object>> rows = rows(rs);

      assertThat(rows).isEmpty();
      assertThat((Object) rs.getWarnings()).isNotNull();
      assertThat(rs.getWarnings().getMessage()).startsWith("Metric values look empty").contains("Widen the time range");
      assertThat(statement.getWarnings().getMessage()).startsWith("Metric values look empty");
    }
  }

  @Test
  void aResultWithRowsHasNoWarning() throws Exception {
    try (Connection connection = emulator.connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id FROM experiments LIMIT 1")) {
      assertThat(rs.next()).isTrue();
      assertThat((Object) rs.getWarnings()).isNull();
    }
  }

  @Test
  void experimentsJoinTheirResultsAndAggregate() throws Exception {
    try (Connection connection = emulator.connect()) {
      List<Map<String, Object>> rows = rows(connection,
          "SELECT e.id, e.status, COUNT(*) AS metrics, MAX(r.percent_change) AS best"
              + " FROM experiments e JOIN experiment_results r ON r.experiment_id = e.id"
              + " WHERE e.id IN ('checkout_v2') GROUP BY e.id, e.status");

      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).get("id")).isEqualTo("checkout_v2");
      Number best = (Number) rows.get(0).get("best");
      List<Map<String, Object>> results = rows(connection,
          "SELECT percent_change FROM experiment_results WHERE experiment_id = 'checkout_v2'");
      assertThat(((Number) rows.get(0).get("metrics")).intValue()).isEqualTo(results.size());
      assertThat(best.doubleValue()).isEqualTo(results.stream()
          .mapToDouble(r -> ((Number) r.get("percent_change")).doubleValue()).max().orElseThrow());
    }
  }

  @Test
  void aWrongApiKeyIs28000AndTheMessageHidesTheKey() {
    String url = StatsigDriver.PREFIX + "url=" + emulator.server.mcpUrl() + ";apiKey=console-wrong-key";

    assertThatThrownBy(() -> DriverManager.getConnection(url))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(e.getMessage()).contains("API key").doesNotContain("console-wrong-key");
        });
  }

  @Test
  void anUnreachableServerIs08001() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = StatsigDriver.PREFIX + "url=http://127.0.0.1:" + closedPort + "/v1/mcp;apiKey=k;timeoutSeconds=5";

    assertThatThrownBy(() -> DriverManager.getConnection(url))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("08001");
          assertThat(e.getMessage()).contains("check the URL");
        });
  }

  @Test
  void aBadPropertyValueSaysWhatToGive() {
    assertThatThrownBy(() -> emulator.connect("maxConcurrency=lots"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
            .contains("maxConcurrency").contains("whole number"));
  }
}
