package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.server.CalciteServerStatement;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelRunner;
import org.apache.calcite.rel.core.TableModify;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13, item 2: nothing writes to an attached database, whatever way is tried. An H2 database
 * ({@code h2}) and a real PostgreSQL ({@code pg}) are attached to one connection; every write
 * statement is tried through every JDBC door (plain, prepared, batch, callable, each execute
 * method, multi-statement text), every {@code unwrap} target is asked for, everything reachable
 * from the connection is walked for Calcite's own objects, and the layers below the JDBC surface
 * are tried on their own (Calcite's own connection, RelRunner, the attached connection, the
 * database session). After each test the rows and tables are counted in the databases directly.
 */
class EveryWritePathTest {
  @RegisterExtension
  static final PostgresServer POSTGRES = new PostgresServer();
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  private static final String H2_PASSWORD = "h2-every-path";
  private static final List<String> SCHEMAS = List.of("h2", "pg");
  private static FinanceData finance;
  private static String h2Url;
  private static Connection h2Direct;
  private static Connection pgDirect;
  private static Connection connection;
  private static Map<String, Long> before;

  @BeforeAll
  static void start() throws SQLException {
    finance = FinanceData.of(emulator);
    h2Url = "jdbc:h2:mem:every-path-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    h2Direct = DriverManager.getConnection(h2Url, "sa", H2_PASSWORD);
    finance.createIn(h2Direct);
    pgDirect = DriverManager.getConnection(POSTGRES.url("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
    try (Statement statement = pgDirect.createStatement()) {
      statement.execute("CREATE SCHEMA finance");
      statement.execute("SET search_path TO finance");
      finance.createIn(pgDirect);
      statement.execute("CREATE SEQUENCE finance.order_ids");
    }
    connection = emulator.connect(
        "attach.h2.url=" + h2Url, "attach.h2.user=sa", "attach.h2.password=" + H2_PASSWORD,
        "attach.pg.url=" + POSTGRES.url("postgres"), "attach.pg.user=" + PostgresServer.USER,
        "attach.pg.password=" + PostgresServer.PASSWORD, "attach.pg.schema=finance");
    before = counts();
  }

  @AfterAll
  static void stop() throws SQLException {
    try (Connection closing = connection; Connection pg = pgDirect; Connection h2 = h2Direct) {
      h2.createStatement().execute("SHUTDOWN");
    }
  }

  /** Rows per table and tables per schema, counted in each database directly, and the sequence's position. */
  static Map<String, Long> counts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("h2 orders", DirectCount.of(h2Direct, "SELECT COUNT(*) FROM orders"));
    counts.put("h2 users", DirectCount.of(h2Direct, "SELECT COUNT(*) FROM users"));
    counts.put("h2 tables", DirectCount.of(h2Direct, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'"));
    counts.put("h2 revenue", DirectCount.of(h2Direct, "SELECT CAST(SUM(revenue) * 100 AS BIGINT) FROM orders"));
    counts.put("pg orders", DirectCount.of(pgDirect, "SELECT COUNT(*) FROM finance.orders"));
    counts.put("pg users", DirectCount.of(pgDirect, "SELECT COUNT(*) FROM finance.users"));
    counts.put("pg tables", DirectCount.of(pgDirect, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'finance'"));
    counts.put("pg revenue", DirectCount.of(pgDirect, "SELECT CAST(SUM(revenue) * 100 AS BIGINT) FROM finance.orders"));
    counts.put("pg sequence", DirectCount.of(pgDirect, "SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM finance.order_ids"));
    return counts;
  }

  @AfterEach
  void nothingWasWritten() throws SQLException {
    assertThat(counts()).isEqualTo(before);
    assertThat(before.get("h2 orders")).isEqualTo(finance.orders().size());
    assertThat(before.get("pg orders")).isEqualTo(finance.orders().size());
    assertThat(emulator.console().writeCount()).isZero();
  }

  static final List<String> WRITES = List.of(
      "INSERT INTO %s.orders VALUES (999999, 'u', 'x', 'g', 1.00)",
      "INSERT INTO %s.orders SELECT order_id + 100000, user_id, experiment_id, group_id, revenue FROM %s.orders",
      "UPDATE %s.orders SET revenue = 0",
      "DELETE FROM %s.orders",
      "MERGE INTO %s.orders o USING (VALUES (1)) AS v (x) ON o.order_id = v.x WHEN MATCHED THEN UPDATE SET revenue = 0",
      "UPSERT INTO %s.orders VALUES (1, 'u', 'x', 'g', 0.00)",
      "DROP TABLE %s.orders",
      "CREATE TABLE %s.t (a INT)",
      "TRUNCATE TABLE %s.orders",
      "ALTER TABLE %s.orders ADD COLUMN x INT",
      "SELECT 1; DELETE FROM %s.orders",
      "SELECT * FROM %s.orders; DROP TABLE %s.orders",
      "EXPLAIN PLAN FOR DELETE FROM %s.orders",
      "DELETE FROM %s.orders WHERE order_id IN (SELECT order_id FROM %s.orders)");

  enum Door { EXECUTE, EXECUTE_UPDATE, EXECUTE_LARGE_UPDATE, EXECUTE_QUERY, PREPARED_EXECUTE, PREPARED_UPDATE,
    BATCH, PREPARED_BATCH, CALLABLE }

  static Stream<Arguments> everyWriteThroughEveryDoor() {
    List<Arguments> cases = new ArrayList<>();
    for (String schema : SCHEMAS) {
      for (String write : WRITES) {
        for (Door door : Door.values()) {
          cases.add(Arguments.of(door, write.replace("%s", schema)));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyWriteThroughEveryDoor")
  void everyWriteThroughEveryDoorIsRefused(Door door, String sql) {
    assertThatThrownBy(() -> run(door, sql)).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(e.getSQLState()).as(e.getMessage()).isIn("25006", "0A000", "42000"));
  }

  private static void run(Door door, String sql) throws SQLException {
    switch (door) {
      case EXECUTE -> connection.createStatement().execute(sql);
      case EXECUTE_UPDATE -> connection.createStatement().executeUpdate(sql);
      case EXECUTE_LARGE_UPDATE -> connection.createStatement().executeLargeUpdate(sql);
      case EXECUTE_QUERY -> connection.createStatement().executeQuery(sql).next();
      case PREPARED_EXECUTE -> connection.prepareStatement(sql).execute();
      case PREPARED_UPDATE -> connection.prepareStatement(sql).executeUpdate();
      case BATCH -> {
        Statement statement = connection.createStatement();
        statement.addBatch(sql);
        statement.executeBatch();
      }
      case PREPARED_BATCH -> {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.addBatch();
        statement.executeBatch();
      }
      case CALLABLE -> connection.prepareCall(sql).execute();
    }
  }

  @Test
  void aPreparedWriteWithParametersIsRefused() {
    for (String schema : SCHEMAS) {
      assertThatThrownBy(() -> {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".orders VALUES (?, ?, ?, ?, ?)");
        insert.setInt(1, 999999);
        insert.setString(2, "u");
        insert.setString(3, "x");
        insert.setString(4, "g");
        insert.setBigDecimal(5, java.math.BigDecimal.ONE);
        insert.executeUpdate();
      }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
    }
  }

  /** Every Calcite or Avatica type a caller might ask for, on every kind of object the driver hands out. */
  @Test
  void unwrapHandsOutNothingButTheDriversOwnProxies() throws Exception {
    Statement statement = connection.createStatement();
    PreparedStatement prepared = connection.prepareStatement("SELECT * FROM h2.orders WHERE order_id = ?");
    ResultSet rows = statement.executeQuery("SELECT * FROM pg.orders");
    DatabaseMetaData meta = connection.getMetaData();
    ResultSet tables = meta.getTables(null, "h2", "%", null);
    List<Wrapper> handedOut = List.of(connection, statement, prepared, rows, meta, tables);
    List<Class<?>> internals = List.of(CalciteConnection.class, AvaticaConnection.class, RelRunner.class,
        CalciteServerStatement.class, AvaticaStatement.class, AvaticaPreparedStatement.class, AvaticaResultSet.class,
        AvaticaDatabaseMetaData.class, Class.forName("org.apache.calcite.jdbc.CalciteConnectionImpl"),
        Class.forName("org.apache.calcite.jdbc.CalciteJdbc41Factory"), org.apache.calcite.jdbc.CalcitePrepare.class);
    for (Wrapper wrapper : handedOut) {
      for (Class<?> internal : internals) {
        assertThat(wrapper.isWrapperFor(internal)).as(wrapper + " isWrapperFor " + internal.getSimpleName()).isFalse();
        assertThatThrownBy(() -> wrapper.unwrap(internal)).as(wrapper + " unwrap " + internal.getSimpleName())
            .isInstanceOf(SQLException.class).hasMessageContaining("Not a wrapper for");
      }
    }
    assertThat(connection.unwrap(StatsigConnection.class)).isSameAs(connection);
    assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
    assertThat(tables.getStatement()).as("a metadata result has no statement").isNull();
    assertThat(rows.getStatement().getConnection()).isSameAs(connection);
    assertThat(prepared.getConnection()).isSameAs(connection);
    assertThat(meta.getConnection()).isSameAs(connection);
  }

  /**
   * Everything reachable through public JDBC methods without arguments, and the metadata and
   * array results, from the connection down: no object of Calcite's or Avatica's that could
   * lead to a writable connection.
   */
  @Test
  void nothingReachableLeadsToCalcitesOwnObjects() throws Exception {
    Deque<Object> toVisit = new ArrayDeque<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    toVisit.add(connection);
    toVisit.add(connection.createStatement());
    toVisit.add(connection.createStatement()
        .executeQuery("SELECT * FROM h2.orders o JOIN pg.orders p ON o.order_id = p.order_id"));
    toVisit.add(connection.createStatement().executeQuery("SELECT id, ARRAY['a', 'b'] AS letters FROM statsig.experiments"));
    toVisit.add(connection.prepareStatement("SELECT * FROM statsig.gates"));
    toVisit.add(connection.getMetaData().getTables(null, null, "%", null));
    toVisit.add(connection.getMetaData().getColumns(null, "pg", "orders", null));
    Set<String> skipped = Set.of("close", "abort", "cancel", "closeOnCompletion", "clearBatch", "clearParameters",
        "executeBatch", "executeLargeBatch", "execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
        "beginRequest", "endRequest", "commit", "rollback", "setSavepoint", "free", "toolCalls",
        "moveToInsertRow", "insertRow", "updateRow", "deleteRow", "refreshRow", "cancelRowUpdates", "afterLast");
    int visited = 0;
    while (!toVisit.isEmpty()) {
      Object object = toVisit.poll();
      if (seen.put(object, true) != null) {
        continue;
      }
      visited++;
      assertThat(Proxy.isProxyClass(object.getClass()))
          .as("handed out unwrapped: " + object.getClass().getName()).isTrue();
      if (object instanceof ResultSet rows) {
        int read = 0;
        while (read++ < 2 && rows.next()) {
          for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
            Object value = rows.getObject(column);
            if (value instanceof Array array) {
              toVisit.add(array);
              toVisit.add(array.getResultSet());
            }
          }
        }
      }
      for (Class<?> type : object.getClass().getInterfaces()) {
        for (Method method : type.getMethods()) {
          if (method.getParameterCount() > 0 || skipped.contains(method.getName()) || Modifier.isStatic(method.getModifiers())
              || !isJdbc(method.getReturnType())) {
            continue;
          }
          Object result;
          try {
            result = method.invoke(object);
          } catch (java.lang.reflect.InvocationTargetException refused) {
            continue;
          }
          if (result != null) {
            assertThat(result.getClass().getName()).as(type.getSimpleName() + "." + method.getName())
                .doesNotStartWith("org.apache.calcite");
            toVisit.add(result);
          }
        }
      }
    }
    assertThat(visited).isGreaterThan(10);
  }

  private static boolean isJdbc(Class<?> type) {
    return type.getPackageName().equals("java.sql") && type.isInterface() && type != ResultSetMetaData.class
        && type != java.sql.ParameterMetaData.class && type != java.sql.SQLWarning.class;
  }

  /**
   * Below the JDBC surface: Calcite's own connection (reached here only by reaching into the
   * driver's proxy, which no JDBC method does) still prepares nothing but queries, SQL or
   * relational expression.
   */
  @Test
  void calcitesOwnConnectionPreparesOnlyQueries() throws Exception {
    CalciteConnection calcite = (CalciteConnection) ((ForwardingHandler) Proxy.getInvocationHandler(connection)).target;
    for (String schema : SCHEMAS) {
      for (String write : WRITES) {
        assertThatThrownBy(() -> calcite.createStatement().executeUpdate(write.replace("%s", schema))).as(write)
            .isInstanceOf(SQLException.class);
      }
    }
    RelBuilder builder = RelBuilder.create(Frameworks.newConfigBuilder().defaultSchema(calcite.getRootSchema()).build());
    RelRunner runner = calcite.unwrap(RelRunner.class);
    for (List<String> table : List.of(List.of("h2", "ORDERS"), List.of("pg", "orders"))) {
      TableScan scan = (TableScan) builder.scan(table).build();
      RelNode insertCopies = LogicalTableModify.create(scan.getTable(), (Prepare.CatalogReader) scan.getTable().getRelOptSchema(),
          scan, TableModify.Operation.INSERT, null, null, false);
      assertThatThrownBy(() -> runner.prepareStatement(insertCopies).executeUpdate()).as(table.toString())
          .isInstanceOf(SQLException.class).hasStackTraceContaining("read-only");
      assertThat(runner.prepareStatement(scan).executeQuery().next()).as("a read runs").isTrue();
    }
  }

  /** The attached database's own connection, as Calcite's JDBC adapter gets it: only SELECTs pass. */
  @Test
  void theAttachedConnectionPassesOnlySelects() throws Exception {
    CalciteConnection calcite = (CalciteConnection) ((ForwardingHandler) Proxy.getInvocationHandler(connection)).target;
    for (String schema : SCHEMAS) {
      JdbcSchema jdbc = calcite.getRootSchema().getSubSchema(schema).unwrap(JdbcSchema.class);
      try (Connection attached = jdbc.getDataSource().getConnection()) {
        String orders = schema.equals("pg") ? "finance.orders" : "orders";
        assertThat(DirectCount.of(attached, "SELECT COUNT(*) FROM " + orders)).isEqualTo(finance.orders().size());
        Statement statement = attached.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE);
        for (String write : List.of("INSERT INTO " + orders + " VALUES (999999, 'u', 'x', 'g', 1.00)",
            "DELETE FROM " + orders, "SELECT 1; DELETE FROM " + orders, "SELECT * INTO copied FROM " + orders,
            "select 1 /* x */", "WITH d AS (DELETE FROM " + orders + " RETURNING *) SELECT * FROM d")) {
          assertThatThrownBy(() -> statement.execute(write)).as(write)
              .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
          assertThatThrownBy(() -> attached.prepareStatement(write)).as(write).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> attached.prepareCall("{call nothing()}")).isInstanceOf(SQLException.class);
        ResultSet updatable = statement.executeQuery("SELECT order_id, revenue FROM " + orders + " ORDER BY order_id");
        updatable.next();
        assertThatThrownBy(() -> updatable.updateBigDecimal(2, java.math.BigDecimal.ZERO)).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> updatable.updateRow()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> updatable.deleteRow()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> attached.unwrap(Class.forName(schema.equals("pg") ? "org.postgresql.PGConnection"
            : "org.h2.jdbc.JdbcConnection"))).isInstanceOf(SQLException.class);
        assertThat(statement.getConnection()).isSameAs(attached);
        assertThat(attached.getMetaData().getConnection()).isSameAs(attached);
        attached.commit();
      }
    }
  }

  /** Below that too: the database session itself refuses (PostgreSQL) or never commits (H2 opened elsewhere). */
  @Test
  void theDatabaseSessionIsReadOnly() throws Exception {
    dev.statsigjdbc.driver.connect.AttachedDatabase pg = new dev.statsigjdbc.driver.connect.AttachedDatabase("pg",
        POSTGRES.url("postgres"), PostgresServer.USER, null, "finance");
    try (Connection raw = DriverManager.getConnection(pg.url(), PostgresServer.USER, PostgresServer.PASSWORD)) {
      ReadOnlyAccess.apply(raw, pg);
      for (String write : List.of("INSERT INTO finance.orders VALUES (999999, 'u', 'x', 'g', 1.00)",
          "SELECT nextval('finance.order_ids')", "CREATE TABLE finance.t (a INT)")) {
        assertThatThrownBy(() -> raw.createStatement().execute(write)).as(write)
            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        raw.rollback();
      }
    }
    dev.statsigjdbc.driver.connect.AttachedDatabase h2 = new dev.statsigjdbc.driver.connect.AttachedDatabase("h2",
        h2Url, "sa", null, null);
    try (Connection raw = DriverManager.getConnection(ReadOnlyAccess.url(h2), "sa", H2_PASSWORD)) {
      ReadOnlyAccess.apply(raw, h2);
      raw.createStatement().executeUpdate("DELETE FROM orders");
      raw.setAutoCommit(false);
      raw.rollback(); // what closing the attached connection does
    }
  }
}
