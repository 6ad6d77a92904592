package dev.statsigjdbc.driver.jdbc;

import java.sql.Connection;

/**
 * What a {@code jdbc:statsig:} connection adds to JDBC, reached with
 * {@code connection.unwrap(StatsigConnection.class)} (also through pools that support unwrap).
 */
public interface StatsigConnection extends Connection {

  /**
   * Tool calls this connection has sent to the MCP server so far (cache hits excluded); take one
   * before and one during a query to show its progress.
   */
  ToolCalls toolCalls();
}
