package dev.statsigjdbc.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a query and reads every column of every row, as a client would. */
final class Rows {
  private Rows() {}

  static long readAll(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return readAll(rs);
    }
  }

  static long readAll(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    long rows = 0;
    while (rs.next()) {
      for (int c = 1; c <= columns; c++) {
        rs.getObject(c);
      }
      rows++;
    }
    return rows;
  }
}
