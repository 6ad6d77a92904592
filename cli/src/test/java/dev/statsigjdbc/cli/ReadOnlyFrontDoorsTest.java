package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.Plan;
import dev.statsigjdbc.driver.jdbc.DirectCount;
import dev.statsigjdbc.driver.jdbc.PostgresServer;
import dev.statsigjdbc.emulator.EmulatorConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front doors that do not go through an application's own JDBC calls: Avatica's remote
 * protocol to {@code serve}, and the assistant running a planner's SQL. An H2 database and a real
 * PostgreSQL are attached; whatever a remote client or a planner sends, no row is written (counted
 * in the databases directly) and reads still work.
 */
class ReadOnlyFrontDoorsTest {
  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();
  @TempDir
  static Path dashboards;

  private static final String H2_PASSWORD = "h2-front-doors";
  private static String h2Url;
  private static Connection h2Direct;
  private static Connection pgDirect;
  private static DataSourceOptions.Opened opened;
  private static ServeServer server;
  private static Map<String, Long> before;

  @BeforeAll
  static void start() throws Exception {
    h2Url = "jdbc:h2:mem:front-doors-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    h2Direct = DriverManager.getConnection(h2Url, "sa", H2_PASSWORD);
    pgDirect = DriverManager.getConnection(POSTGRES.url("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
    for (Connection direct : List.of(h2Direct, pgDirect)) {
      try (Statement statement = direct.createStatement()) {
        statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, revenue DECIMAL(10, 2) NOT NULL)");
        statement.execute("INSERT INTO orders VALUES (1, 10.00), (2, 20.00), (3, 30.00)");
      }
    }
    Properties attach = new Properties();
    attach.setProperty("attach.h2.url", h2Url);
    attach.setProperty("attach.h2.user", "sa");
    attach.setProperty("attach.h2.password", H2_PASSWORD);
    attach.setProperty("attach.pg.url", POSTGRES.url("postgres"));
    attach.setProperty("attach.pg.user", PostgresServer.USER);
    attach.setProperty("attach.pg.password", PostgresServer.PASSWORD);
    attach.setProperty("attach.pg.schema", "public");
    opened = DataSourceOptions.openEmulator(EmulatorConfig.defaults().port(0), attach);
    server = ServeServer.start(opened, new DashboardStore(dashboards),
        new ServeSettings("127.0.0.1", 0, Driver.Serialization.JSON, Optional.empty()));
    before = counts();
  }

  @AfterAll
  static void stop() throws Exception {
    try (Connection h2 = h2Direct; Connection pg = pgDirect; DataSourceOptions.Opened closingLast = opened) {
      if (server != null) {
        server.close();
      }
      h2.createStatement().execute("SHUTDOWN");
    }
  }

  private static Map<String, Long> counts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Connection> db : Map.of("h2", h2Direct, "pg", pgDirect).entrySet()) {
      counts.put(db.getKey() + " orders", DirectCount.of(db.getValue(), "SELECT COUNT(*) FROM orders"));
      counts.put(db.getKey() + " revenue", DirectCount.of(db.getValue(), "SELECT CAST(SUM(revenue) AS BIGINT) FROM orders"));
      counts.put(db.getKey() + " tables", DirectCount.of(db.getValue(),
          "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'"));
    }
    return counts;
  }

  @AfterEach
  void nothingWasWritten() throws SQLException {
    assertThat(counts()).isEqualTo(before).containsEntry("h2 orders", 3L).containsEntry("pg orders", 3L);
  }

  private static final List<String> WRITES = List.of(
      "INSERT INTO %s.orders VALUES (4, 40.00)", "UPDATE %s.orders SET revenue = 0", "DELETE FROM %s.orders",
      "DROP TABLE %s.orders", "CREATE TABLE %s.t (a INT)", "SELECT 1; DELETE FROM %s.orders",
      "MERGE INTO %s.orders o USING (VALUES (1)) AS v (x) ON o.order_id = v.x WHEN MATCHED THEN UPDATE SET revenue = 0");

  @Test
  void avaticasRemoteProtocolWritesNothing() throws Exception {
    for (Properties client : List.of(new Properties(), evilClientProperties())) {
      try (Connection remote = DriverManager.getConnection(server.avaticaUrl(), client)) {
        List<String> refused = new ArrayList<>();
        for (String schema : List.of("h2", "pg")) {
          for (String write : WRITES) {
            String sql = write.replace("%s", schema);
            for (int door = 0; door < 5; door++) {
              try {
                switch (door) {
                  case 0 -> remote.createStatement().execute(sql);
                  case 1 -> remote.createStatement().executeUpdate(sql);
                  case 2 -> {
                    Statement batch = remote.createStatement();
                    batch.addBatch(sql);
                    batch.executeBatch();
                  }
                  case 3 -> remote.prepareStatement(sql).executeUpdate();
                  default -> {
                    PreparedStatement batch = remote.prepareStatement(sql);
                    batch.addBatch();
                    batch.executeBatch();
                  }
                }
              } catch (SQLException expected) {
                refused.add(door + " " + sql + " " + expected.getSQLState());
              } catch (AvaticaClientRuntimeException batchRefused) {
                // Avatica's remote client reports a failed batch unchecked, with the server's SQLState.
                refused.add(door + " " + sql + " " + batchRefused.getSqlState());
              }
            }
          }
        }
        assertThat(refused).hasSize(2 * WRITES.size() * 5)
            .allSatisfy(refusal -> assertThat(refusal).endsWith(refusal.contains(";") ? "42000" : "25006"));
        try (ResultSet rows = remote.createStatement().executeQuery(
            "SELECT SUM(h.revenue) + SUM(p.revenue) AS total FROM h2.orders h JOIN pg.orders p ON h.order_id = p.order_id")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getBigDecimal(1)).isEqualByComparingTo("120.00");
        }
      }
    }
  }

  /** A remote client's own attach properties are dropped: an H2 URL whose INIT would delete rows never opens. */
  private static Properties evilClientProperties() {
    Properties evil = new Properties();
    evil.setProperty("attach.h2.url", h2Url + ";INIT=DELETE FROM ORDERS");
    evil.setProperty("attach.h2.user", "sa");
    evil.setProperty("attach.h2.password", H2_PASSWORD);
    evil.setProperty("readOnly", "false");
    return evil;
  }

  @Test
  void theAssistantRunsNothingButQueries() throws Exception {
    for (String write : List.of("DELETE FROM h2.orders", "INSERT INTO pg.orders VALUES (4, 40.00)",
        "UPDATE pg.orders SET revenue = 0")) {
      Plan plan = Plan.understood(Intent.MODEL_SQL, SqlParser.create(write).parseStmt(), Map.of(), null, "a planner gone wrong");
      Assistant assistant = new Assistant(opened.connection(), (question, context) -> plan, Clock.systemUTC());
      assertThatThrownBy(() -> assistant.ask("wipe the orders")).as(write)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
    }
    Plan read = Plan.understood(Intent.MODEL_SQL, SqlParser.create("SELECT COUNT(*) AS n FROM pg.orders").parseStmt(),
        Map.of(), null, "a read");
    assertThat(new Assistant(opened.connection(), (question, context) -> read, Clock.systemUTC())
        .ask("how many orders").table().size()).isEqualTo(1);
  }
}
