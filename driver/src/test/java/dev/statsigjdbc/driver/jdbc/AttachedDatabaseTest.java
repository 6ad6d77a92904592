package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.statsigjdbc.driver.vault.EncryptedValue;
import dev.statsigjdbc.emulator.mcp.ToolCallStats;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An embedded H2 database attached as {@code finance}, joined with Statsig tables in one query. */
class AttachedDatabaseTest {
  private static final String PASSWORD = "h2-finance-password";
  /** Revenue and results of one experiment, across both sources. */
  static final String JOINED = "SELECT e.id, r.test_group_id, r.metric_id, r.percent_change, SUM(o.revenue) AS revenue"
      + " FROM statsig.experiments e"
      + " JOIN statsig.experiment_results r ON r.experiment_id = e.id"
      + " JOIN finance.orders o ON o.experiment_id = e.id"
      + " WHERE e.id = 'checkout_v2' AND o.experiment_id = 'checkout_v2'"
      + " GROUP BY e.id, r.test_group_id, r.metric_id, r.percent_change";

  private static StatsigEmulator emulator;
  private static FinanceData finance;
  private static String h2Url;
  private static Connection keepAlive;

  @BeforeAll
  static void start() throws SQLException {
    emulator = new StatsigEmulator();
    finance = FinanceData.of(emulator);
    h2Url = "jdbc:h2:mem:finance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    keepAlive = DriverManager.getConnection(h2Url, "sa", PASSWORD);
    finance.createIn(keepAlive);
  }

  @AfterAll
  static void stop() throws SQLException {
    keepAlive.createStatement().execute("SHUTDOWN");
    emulator.close();
  }

  private static Connection connect(String... more) throws SQLException {
    List<String> properties = new ArrayList<>(List.of(
        "attach.finance.url=" + h2Url, "attach.finance.user=sa", "attach.finance.password=" + PASSWORD));
    properties.addAll(List.of(more));
    return emulator.connect(properties.toArray(String[]::new));
  }

  private static ToolCallStats.Snapshot calls() {
    return emulator.server.stats().snapshot();
  }

  @Test
  void oneQueryJoinsStatsigResultsWithTheAttachedOrders() throws Exception {
    try (Connection connection = connect()) {
      emulator.server.stats().reset();

      List<Map<String, Object>> rows = rows(connection, JOINED);

      assertThat(rows).isNotEmpty().allSatisfy(row -> {
        assertThat(row.get("id")).isEqualTo("checkout_v2");
        assertThat(row.get("percent_change")).isNotNull();
        assertThat((BigDecimal) row.get("revenue")).isEqualByComparingTo(finance.revenue("checkout_v2"));
      });
      // The Statsig side: the detail of one experiment and its results, never the list of all experiments.
      assertThat(calls().calls("Get_List_of_Experiments")).isZero();
      assertThat(calls().calls("Get_Experiment_Details_by_ID")).isPositive();
    }
  }

  @Test
  void explainShowsTheFilterPushedIntoTheAttachedDatabase() throws Exception {
    try (Connection connection = connect()) {
      String plan = rows(connection, "EXPLAIN PLAN FOR " + JOINED).toString();

      assertThat(plan).contains("JdbcToEnumerableConverter");
      assertThat(plan).containsPattern("JdbcFilter\\(condition=\\[[^\\n]*=\\(\\$\\d+, 'checkout_v2'\\)");
      assertThat(plan).contains("Get_Experiment_Details_by_ID").contains("checkout_v2");
    }
  }

  @Test
  void revenuePerUserByExperimentGroup() throws Exception {
    try (Connection connection = connect()) {
      List<Map<String, Object>> rows = rows(connection,
          "SELECT g.group_id, g.name, CAST(SUM(o.revenue) / COUNT(DISTINCT o.user_id) AS DECIMAL(10, 2)) AS revenue_per_user"
              + " FROM statsig.experiment_groups g JOIN finance.orders o ON o.group_id = g.group_id"
              + " WHERE g.experiment_id = 'checkout_v2' GROUP BY g.group_id, g.name ORDER BY g.group_id");

      Map<String, BigDecimal> expected = finance.revenuePerUserByGroup("checkout_v2");
      assertThat(rows).extracting(r -> r.get("group_id")).containsExactlyInAnyOrderElementsOf(expected.keySet());
      assertThat(rows).allSatisfy(r -> assertThat((BigDecimal) r.get("revenue_per_user"))
          .isCloseTo(expected.get((String) r.get("group_id")), within(new BigDecimal("0.01")))).extracting(r -> r.get("name")).doesNotContainNull();
    }
  }

  /** The filter names only the attached side; the join carries it to the Statsig side as a key. */
  static final String FILTERED_ON_ORDERS = "SELECT e.id, e.name, SUM(o.revenue) AS revenue"
      + " FROM statsig.experiments e JOIN finance.orders o ON o.experiment_id = e.id"
      + " WHERE o.experiment_id = 'checkout_v2' GROUP BY e.id, e.name";
  /** The filter names only the Statsig side; the join carries it into the attached database's SQL. */
  static final String FILTERED_ON_EXPERIMENTS = "SELECT e.id, SUM(o.revenue) AS revenue"
      + " FROM statsig.experiments e JOIN finance.orders o ON o.experiment_id = e.id"
      + " WHERE e.id = 'checkout_v2' GROUP BY e.id";

  @Test
  void aFilterOnTheAttachedSideReachesStatsigAsAKey() throws Exception {
    try (Connection connection = connect()) {
      String plan = rows(connection, "EXPLAIN PLAN FOR " + FILTERED_ON_ORDERS).toString();
      emulator.server.stats().reset();

      List<Map<String, Object>> rows = rows(connection, FILTERED_ON_ORDERS);

      assertThat(rows).singleElement().satisfies(row -> {
        assertThat(row.get("id")).isEqualTo("checkout_v2");
        assertThat((BigDecimal) row.get("revenue")).isEqualByComparingTo(finance.revenue("checkout_v2"));
      });
      assertThat(calls().calls("Get_List_of_Experiments")).as("no list of all experiments; plan: %s", plan).isZero();
      assertThat(calls().calls("Get_Experiment_Details_by_ID")).isEqualTo(1);
    }
  }

  @Test
  void aFilterOnTheStatsigSideReachesTheAttachedDatabase() throws Exception {
    try (Connection connection = connect()) {
      String plan = rows(connection, "EXPLAIN PLAN FOR " + FILTERED_ON_EXPERIMENTS).toString();

      assertThat(plan).containsPattern("JdbcFilter\\(condition=\\[=\\([^\\]]*'checkout_v2'[^\\]]*\\)\\]\\)");
      assertThat(rows(connection, FILTERED_ON_EXPERIMENTS)).singleElement()
          .satisfies(row -> assertThat((BigDecimal) row.get("revenue")).isEqualByComparingTo(finance.revenue("checkout_v2")));
    }
  }

  @Test
  void aSmallInListCrossesTheJoinButALongOneDoesNot() throws Exception {
    List<String> ids = rows(keepAlive, "SELECT DISTINCT experiment_id FROM orders ORDER BY experiment_id").stream()
        .map(r -> (String) r.get("experiment_id")).toList();
    String two = ids.stream().limit(2).map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(", "));
    String many = java.util.stream.Stream.concat(ids.stream(),
            java.util.stream.IntStream.range(0, SMALL_IN_LIST_LIMIT).mapToObj(i -> "no_such_experiment_" + i))
        .map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(", "));
    String sql = "SELECT e.id, COUNT(*) AS orders FROM statsig.experiments e JOIN finance.orders o"
        + " ON o.experiment_id = e.id WHERE o.experiment_id IN (%s) GROUP BY e.id ORDER BY e.id";
    try (Connection connection = connect()) {
      emulator.server.stats().reset();
      assertThat(rows(connection, sql.formatted(two))).hasSize(2);
      assertThat(calls().calls("Get_List_of_Experiments")).isZero();
      assertThat(calls().calls("Get_Experiment_Details_by_ID")).isEqualTo(2);

      emulator.server.stats().reset();
      assertThat(rows(connection, sql.formatted(many))).hasSize(ids.size());
      assertThat(calls().calls("Get_List_of_Experiments")).as("more than 100 values stay on their side").isPositive();
      assertThat(calls().calls("Get_Experiment_Details_by_ID")).isZero();
    }
  }

  /** SmallTransitivePredicates.MAX_VALUES: the most values a filter may carry across a join. */
  private static final int SMALL_IN_LIST_LIMIT = 100;

  @Test
  void theAttachedSchemaIsReadOnly() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : List.of(
          "INSERT INTO finance.orders VALUES (999999, 'u', 'x', 'g', 1.00)",
          "UPDATE finance.orders SET revenue = 0",
          "DELETE FROM finance.orders",
          "DROP TABLE finance.orders",
          "CREATE TABLE finance.t (a INT)")) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql)
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
      }
    }
    try (Statement direct = keepAlive.createStatement(); ResultSet count = direct.executeQuery("SELECT COUNT(*) FROM orders")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(finance.orders().size());
    }
  }

  @Test
  void metadataListsTheAttachedTablesWithoutStatsigRemarks() throws Exception {
    try (Connection connection = connect(); ResultSet tables = connection.getMetaData().getTables(null, "finance", "%", null)) {
      List<Map<String, Object>> rows = rows(tables);

      assertThat(rows).extracting(r -> String.valueOf(r.get("table_name")).toLowerCase()).contains("orders", "users");
      assertThat(rows).extracting(r -> r.get("remarks")).containsOnlyNulls();
    }
  }

  /** sqlline's !tables asks for every schema: Calcite's own {@code metadata} schema is not the user's data. */
  @Test
  void metadataListsStatsigAndAttachedSchemasButNotCalcitesOwn() throws Exception {
    try (Connection connection = connect()) {
      DatabaseMetaData meta = connection.getMetaData();

      assertThat(rows(meta.getSchemas())).extracting(r -> r.get("table_schem")).containsExactlyInAnyOrder("statsig", "finance");
      List<Map<String, Object>> tables = rows(meta.getTables(null, null, "%", null));
      assertThat(tables).extracting(r -> r.get("table_schem")).containsOnly("statsig", "finance");
      assertThat(tables).extracting(r -> String.valueOf(r.get("table_name")).toLowerCase())
          .contains("experiments", "statsig_tools", "orders");
      assertThat(rows(meta.getColumns(null, null, "%", "%"))).extracting(r -> r.get("table_schem"))
          .containsOnly("statsig", "finance");
      assertThat(rows(meta.getTables(null, "metadata", "%", null))).isEmpty();
    }
  }

  @Test
  void anUnknownTableListsTheAttachedTablesToo() throws Exception {
    try (Connection connection = connect()) {
      for (String sql : List.of("SELECT * FROM finance.ordrs", "SELECT * FROM ordrs")) {
        assertThatThrownBy(() -> rows(connection, sql)).as(sql)
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("42S02");
              assertThat(e.getMessage()).containsIgnoringCase("ordrs").contains("experiments")
                  .contains("of attached schema finance: ").containsIgnoringCase("orders").containsIgnoringCase("users")
                  .doesNotContain(h2Url).doesNotContain(PASSWORD);
            });
      }
    }
  }

  @Test
  void anEncryptedPasswordIsDecrypted() throws Exception {
    String encrypted = EncryptedValue.encrypt(PASSWORD, "master-pw".toCharArray());
    try (Connection connection = emulator.connect("attach.finance.url=" + h2Url, "attach.finance.user=sa",
        "attach.finance.password=" + encrypted, "masterPassword=master-pw")) {
      assertThat(rows(connection, "SELECT COUNT(*) AS n FROM finance.users")).extracting(r -> ((Number) r.get("n")).intValue())
          .containsExactly((int) finance.orders().stream().map(FinanceData.Order::userId).distinct().count());
    }
  }

  @Test
  void aWrongPasswordIsReportedWithoutTheSecrets() {
    assertThatThrownBy(() -> emulator.connect("attach.finance.url=" + h2Url, "attach.finance.user=sa",
        "attach.finance.password=not-the-right-one"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
            .contains("finance").contains("jdbc:h2:").contains("attach.finance.url")
            .doesNotContain("not-the-right-one").doesNotContain(h2Url).doesNotContain(StatsigEmulator.API_KEY));
  }

  @Test
  void aMissingDriverNamesTheJarToAdd() {
    assertThatThrownBy(() -> emulator.connect("attach.shop.url=jdbc:sqlite:/tmp/shop.db", "attach.shop.password=secret-pw"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("08001");
          assertThat(e.getMessage()).contains("org.xerial:sqlite-jdbc").contains("attach.shop.url").doesNotContain("secret-pw");
        });
    assertThatThrownBy(() -> emulator.connect("attach.shop.url=jdbc:mysql://127.0.0.1:1/shop"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("com.mysql:mysql-connector-j"));
  }

  @Test
  void badAttachPropertiesSayWhatToFix() {
    assertThatThrownBy(() -> emulator.connect("attach.finance.usr=sa"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("attach.<name>.url"));
    assertThatThrownBy(() -> emulator.connect("attach.finance.user=sa"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("attach.finance.url is not"));
    assertThatThrownBy(() -> emulator.connect("attach.statsig.url=" + h2Url))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("choose another"));
  }
}
