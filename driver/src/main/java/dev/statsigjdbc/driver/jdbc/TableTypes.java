package dev.statsigjdbc.driver.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code DatabaseMetaData.getTableTypes}: Calcite lists TABLE and VIEW only, although
 * {@code statsig_tools} is a SYSTEM TABLE; tools that filter
 * {@code getTables} by the listed types (DBeaver) would never show it.
 */
final class TableTypes {
  private TableTypes() {}

  static ResultSet of(Connection calcite) throws SQLException {
    Statement statement = calcite.createStatement();
    statement.closeOnCompletion();
    // VARCHAR, not CHAR: VALUES would pad shorter literals to the longest.
    return statement.executeQuery("SELECT * FROM (VALUES CAST('SYSTEM TABLE' AS VARCHAR), CAST('TABLE' AS VARCHAR),"
        + " CAST('VIEW' AS VARCHAR)) AS t (\"TABLE_TYPE\") ORDER BY \"TABLE_TYPE\"");
  }
}
