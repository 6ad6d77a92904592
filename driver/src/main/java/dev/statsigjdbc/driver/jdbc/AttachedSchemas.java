package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.driver.connect.AttachedDatabase;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Mounts the user's attached databases next to {@code statsig} as Calcite JDBC schemas, so that
 * one query joins both and Calcite pushes filters and projections into each database as SQL.
 */
final class AttachedSchemas {
  /** The Maven coordinates of the JDBC drivers users most often need, by URL scheme. */
  private static final Map<String, String> DRIVER_ARTIFACTS = Map.of(
      "jdbc:postgresql:", "org.postgresql:postgresql (postgresql-<version>.jar)",
      "jdbc:h2:", "com.h2database:h2 (h2-<version>.jar)",
      "jdbc:sqlite:", "org.xerial:sqlite-jdbc (sqlite-jdbc-<version>.jar)",
      "jdbc:mysql:", "com.mysql:mysql-connector-j (mysql-connector-j-<version>.jar)");

  private AttachedSchemas() {}

  static void mount(SchemaPlus root, List<AttachedDatabase> databases) throws SQLException {
    for (AttachedDatabase database : databases) {
      requireDriver(database);
      DataSource dataSource = new DriverManagerDataSource(database);
      String currentSchema = connectOnce(database, dataSource);
      String schema = database.schema() != null ? database.schema() : currentSchema;
      root.add(database.name(), JdbcSchema.create(root, database.name(), dataSource, null, schema));
    }
  }

  /** Each attached schema's table names, sorted; a database that cannot be read now shows none. */
  static Map<String, List<String>> tableNames(SchemaPlus root, List<AttachedDatabase> databases) {
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (AttachedDatabase database : databases) {
      SchemaPlus schema = root.getSubSchema(database.name());
      List<String> tables;
      try {
        tables = schema == null ? List.of() : List.copyOf(new TreeSet<>(schema.getTableNames()));
      } catch (RuntimeException unreadable) {
        tables = List.of(); // the error being reported matters more than this list
      }
      names.put(database.name(), tables);
    }
    return names;
  }

  private static void requireDriver(AttachedDatabase database) throws SQLException {
    try {
      DriverManager.getDriver(database.url());
    } catch (SQLException noDriver) {
      String artifact = DRIVER_ARTIFACTS.getOrDefault(database.urlScheme(), "the JDBC driver jar of that database");
      throw new SQLNonTransientConnectionException("No JDBC driver for " + database.urlScheme() + " URLs is on the classpath"
          + " (" + StatsigProperty.ATTACH_URL.key(database.name()) + "): add " + artifact
          + " next to the Statsig driver jar (in DBeaver: the Statsig driver's Libraries)", SqlState.UNABLE_TO_CONNECT.code());
    }
  }

  /**
   * Connects once, so that a wrong URL or password fails the connect rather than the first query,
   * and returns the connection's current schema (the default of {@code attach.<name>.schema}).
   */
  private static String connectOnce(AttachedDatabase database, DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getSchema();
    } catch (SQLException e) {
      throw new SQLNonTransientConnectionException("Cannot connect to the database attached as '" + database.name()
          + "' (" + database.urlScheme() + "): " + withoutSecrets(e.getMessage(), database)
          + "; check " + StatsigProperty.ATTACH_URL.key(database.name()) + ", .user and .password",
          e.getSQLState() != null ? e.getSQLState() : SqlState.UNABLE_TO_CONNECT.code());
    }
  }

  /** A driver's message may quote the URL (which can carry credentials) or, rarely, the password. */
  private static String withoutSecrets(String message, AttachedDatabase database) {
    String cleaned = String.valueOf(message).replace(database.url(), database.urlScheme() + "...");
    return database.password() == null ? cleaned : cleaned.replace(database.password().reveal(), "***");
  }
}
