package dev.statsigjdbc.driver.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A number read from a database directly, not through the driver: how write tests count rows. Public for the CLI's tests. */
public final class DirectCount {
  private DirectCount() {}

  /** The first column of the first row of {@code sql}, run on {@code direct}. */
  public static long of(Connection direct, String sql) throws SQLException {
    try (Statement statement = direct.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
