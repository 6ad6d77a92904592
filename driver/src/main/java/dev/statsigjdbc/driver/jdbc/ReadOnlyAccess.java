package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.driver.connect.AttachedDatabase;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How each kind of attached database is opened read-only by the database itself, below the
 * driver's own refusal of anything but SELECT ({@link AttachedConnectionHandler}):
 *
 * <ul>
 *   <li>every database: {@code setReadOnly(true)} and one transaction per connection, never
 *       committed (rolled back on close);
 *   <li>H2: {@code ACCESS_MODE_DATA=r} and {@code IFEXISTS=TRUE} in the URL (read-only data
 *       files when this connection opens the database; H2 ignores the setting for a database
 *       already open in the same process, where the uncommitted transaction still holds);
 *       a URL with {@code INIT=} (SQL run on every connect) is refused;
 *   <li>PostgreSQL: {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY} before the
 *       first transaction, so that PostgreSQL refuses every write, {@code nextval} included.
 * </ul>
 */
final class ReadOnlyAccess {
  private static final String H2 = "jdbc:h2:";
  private static final String POSTGRESQL = "jdbc:postgresql:";
  /** H2 URL settings the driver sets itself (or refuses), by upper-case key. */
  private static final List<String> H2_SETTINGS_OWNED = List.of("ACCESS_MODE_DATA", "IFEXISTS");

  private ReadOnlyAccess() {}

  /** The URL to open {@code database} with. */
  static String url(AttachedDatabase database) throws SQLException {
    if (!database.urlScheme().equalsIgnoreCase(H2)) {
      return database.url();
    }
    String[] parts = database.url().split(";");
    List<String> kept = new ArrayList<>(List.of(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      String key = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
      if (key.equals("INIT")) {
        throw new SQLNonTransientConnectionException("The H2 URL of the database attached as '" + database.name()
            + "' sets INIT, which runs SQL on every connect; attached databases are opened read-only: remove INIT from "
            + StatsigProperty.ATTACH_URL.key(database.name()), SqlState.UNABLE_TO_CONNECT.code());
      }
      if (!key.isEmpty() && !H2_SETTINGS_OWNED.contains(key)) {
        kept.add(parts[i]);
      }
    }
    return String.join(";", kept) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
  }

  /** Makes a fresh connection read-only in the database, then opens its one transaction. */
  static Connection apply(Connection connection, AttachedDatabase database) throws SQLException {
    if (database.urlScheme().equalsIgnoreCase(POSTGRESQL)) {
      try (Statement session = connection.createStatement()) {
        session.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      }
    }
    connection.setReadOnly(true);
    connection.setAutoCommit(false);
    return connection;
  }
}
