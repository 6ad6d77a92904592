package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.driver.connect.AttachedDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The smallest {@link DataSource} over an attached database: a new {@link DriverManager}
 * connection per request (Calcite's JDBC adapter opens one per query and closes it), opened
 * read-only in the database ({@link ReadOnlyAccess}) and wrapped so that only SELECTs reach it
 * ({@link AttachedConnectionHandler}).
 */
final class DriverManagerDataSource implements DataSource {
  private final AttachedDatabase database;

  DriverManagerDataSource(AttachedDatabase database) {
    this.database = database;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Properties credentials = new Properties();
    if (database.user() != null) {
      credentials.setProperty("user", database.user());
    }
    if (database.password() != null) {
      credentials.setProperty("password", database.password().reveal());
    }
    Connection connection = DriverManager.getConnection(ReadOnlyAccess.url(database), credentials);
    try {
      return AttachedConnectionHandler.wrap(ReadOnlyAccess.apply(connection, database), database.name());
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("The credentials of an attached database come from its attach.<name>.* properties");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // DriverManager connections log through DriverManager itself.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // DriverManager's login timeout is global; leave it to the application.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("No java.util.logging logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "DriverManagerDataSource[" + database + "]";
  }
}
