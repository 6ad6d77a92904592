package dev.statsigjdbc.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

/**
 * The demo's stand-in for a company's own database: an in-memory H2 database with the orders of
 * the users in each group of the checkout experiment, attached to the demo's connection as
 * schema {@code finance} so that one query joins it with Statsig's tables.
 */
final class DemoFinanceDatabase implements AutoCloseable {
  static final String SCHEMA = "finance";
  static final String EXPERIMENT = "checkout_v2";
  static final String QUESTION = "Revenue per user by checkout experiment group";

  private static final int USERS_PER_GROUP = 500;
  private static final double MEAN_ORDER = 42.0;
  /** The treatment lifts order values a little, as the emulator's checkout_v2 results say it should. */
  private static final double TREATMENT_LIFT = 1.06;

  private final String url;
  private final Connection keepAlive;

  private DemoFinanceDatabase(String url, Connection keepAlive) {
    this.url = url;
    this.keepAlive = keepAlive;
  }

  /** An empty database with the orders table; it lives until {@link #close()}. */
  static DemoFinanceDatabase create() throws SQLException {
    String url = "jdbc:h2:mem:demo-finance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    Connection connection = DriverManager.getConnection(url, "sa", "");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, user_id VARCHAR(64) NOT NULL,"
          + " experiment_id VARCHAR(128) NOT NULL, group_id VARCHAR(128) NOT NULL, revenue DECIMAL(10, 2) NOT NULL)");
    }
    return new DemoFinanceDatabase(url, connection);
  }

  /** The connection properties that attach this database as {@value #SCHEMA}. */
  Properties attachProperties() {
    Properties properties = new Properties();
    properties.setProperty("attach." + SCHEMA + ".url", url);
    properties.setProperty("attach." + SCHEMA + ".user", "sa");
    return properties;
  }

  /** Orders for the users of each group of the checkout experiment, whose groups Statsig names. */
  void seed(Connection statsig) throws SQLException {
    List<String[]> groups = new ArrayList<>();
    try (Statement statement = statsig.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT group_id, is_control FROM statsig.experiment_groups WHERE experiment_id = '" + EXPERIMENT + "'")) {
      while (rows.next()) {
        groups.add(new String[] {rows.getString(1), String.valueOf(rows.getBoolean(2))});
      }
    }
    Random random = new Random(EXPERIMENT.hashCode());
    int orderId = 0;
    try (PreparedStatement insert = keepAlive.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
      for (String[] group : groups) {
        double lift = Boolean.parseBoolean(group[1]) ? 1.0 : TREATMENT_LIFT;
        for (int user = 0; user < USERS_PER_GROUP; user++) {
          int orders = 1 + random.nextInt(3);
          for (int n = 0; n < orders; n++) {
            insert.setInt(1, ++orderId);
            insert.setString(2, group[0] + "-user-" + user);
            insert.setString(3, EXPERIMENT);
            insert.setString(4, group[0]);
            double revenue = Math.max(1, MEAN_ORDER * lift * (1 + 0.3 * random.nextGaussian()));
            insert.setBigDecimal(5, BigDecimal.valueOf(revenue).setScale(2, RoundingMode.HALF_UP));
            insert.addBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }

  @Override
  public void close() throws SQLException {
    try (Statement statement = keepAlive.createStatement()) {
      statement.execute("SHUTDOWN");
    } finally {
      keepAlive.close();
    }
  }
}
