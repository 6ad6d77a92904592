package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real PostgreSQL server attached as {@code finance} (its schema {@code finance}), joined with
 * Statsig tables; PostgreSQL's statement log shows which filters reached it.
 */
class PostgresAttachTest {
  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();

  private static StatsigEmulator emulator;
  private static FinanceData finance;

  @BeforeAll
  static void start() throws SQLException {
    emulator = new StatsigEmulator();
    finance = FinanceData.of(emulator);
    try (Connection admin = DriverManager.getConnection(POSTGRES.url("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA finance");
      statement.execute("SET search_path TO finance");
      finance.createIn(admin);
    }
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static Connection connect(String password) throws SQLException {
    return emulator.connect("attach.finance.url=" + POSTGRES.url("postgres"), "attach.finance.user=" + PostgresServer.USER,
        "attach.finance.password=" + password, "attach.finance.schema=finance");
  }

  /** A filter on one side only: the join carries it to the other, as a key to Statsig and as SQL to PostgreSQL. */
  @Test
  void aFilterOnOneSideReachesTheOther() throws Exception {
    try (Connection connection = connect(PostgresServer.PASSWORD)) {
      emulator.server.stats().reset();
      assertThat(rows(connection, AttachedDatabaseTest.FILTERED_ON_ORDERS)).singleElement()
          .satisfies(row -> assertThat((BigDecimal) row.get("revenue")).isEqualByComparingTo(finance.revenue("checkout_v2")));
      assertThat(emulator.server.stats().snapshot().calls("Get_List_of_Experiments")).isZero();
      assertThat(emulator.server.stats().snapshot().calls("Get_Experiment_Details_by_ID")).isEqualTo(1);

      int logged = POSTGRES.statementLog().length();
      rows(connection, AttachedDatabaseTest.FILTERED_ON_EXPERIMENTS);
      assertThat(POSTGRES.statementLog().substring(logged))
          .containsPattern("(statement|execute [^:]*): SELECT [^;]*?FROM \"finance\"\\.\"orders\"\\s+"
              + "WHERE (CAST\\()?\"experiment_id\"( AS VARCHAR[^)]*\\))? = 'checkout_v2'");
    }
  }

  @Test
  void theJoinedQueryPushesEachFilterToItsSource() throws Exception {
    try (Connection connection = connect(PostgresServer.PASSWORD)) {
      emulator.server.stats().reset();

      List<Map<String, Object>> rows = rows(connection, AttachedDatabaseTest.JOINED);

      assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat((BigDecimal) row.get("revenue"))
          .isEqualByComparingTo(finance.revenue("checkout_v2")));
      assertThat(emulator.server.stats().snapshot().calls("Get_List_of_Experiments")).isZero();
      assertThat(emulator.server.stats().snapshot().calls("Get_Experiment_Details_by_ID")).isPositive();
    }
    // What PostgreSQL received: the orders of one experiment, not the whole table.
    assertThat(POSTGRES.statementLog())
        .containsPattern("(statement|execute [^:]*): SELECT [^;]*?FROM \"finance\"\\.\"orders\"\\s+WHERE \"experiment_id\" = 'checkout_v2'");
  }

  @Test
  void theAttachedSchemaIsReadOnlyAndNothingReachesPostgres() throws Exception {
    try (Connection connection = connect(PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("DELETE FROM finance.orders WHERE order_id = 1"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
    }
    assertThat(POSTGRES.statementLog()).doesNotContainIgnoringCase("DELETE FROM");
  }

  @Test
  void aWrongPasswordIsReportedWithoutIt() {
    assertThatThrownBy(() -> connect("not-the-pg-password"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
            .contains("finance").contains("password").doesNotContain("not-the-pg-password"));
  }
}
