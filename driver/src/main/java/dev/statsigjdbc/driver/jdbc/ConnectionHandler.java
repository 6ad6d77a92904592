package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.driver.mcp.McpSession;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

/**
 * The connection an application gets: Calcite's connection, read-only and always in
 * auto-commit (commit and rollback do nothing, there is nothing to commit), refusing statements
 * that would write before Calcite sees them, and closing the MCP session with itself. It is a
 * {@link StatsigConnection}, which counts the tool calls its queries send.
 */
final class ConnectionHandler extends ForwardingHandler {
  private final Connection calcite;
  private final McpSession session;
  private final McpToolSource tools;
  private final String description;
  private final PreparedPlans plans = new PreparedPlans();

  private ConnectionHandler(Connection calcite, McpSession session, McpToolSource tools, ConnectionContext context) {
    super(calcite, context);
    this.calcite = calcite;
    this.session = session;
    this.tools = tools;
    this.description = "StatsigConnection[" + session.address() + "]";
  }

  static Connection wrap(Connection calcite, McpSession session, McpToolSource tools, ConnectionContext context) {
    return proxy(StatsigConnection.class, new ConnectionHandler(calcite, session, tools, context));
  }

  @Override
  protected Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "close":
        try (McpSession closingLast = session; Connection closingNext = calcite) {
          plans.close();
        }
        return null;
      case "getAutoCommit", "isReadOnly":
        return true;
      // Tools (sqlline, DBeaver) set these on every connect: accepting them quietly keeps their
      // output clean; isReadOnly() and getAutoCommit() still tell the truth.
      case "setAutoCommit", "commit", "rollback", "setTransactionIsolation", "setReadOnly":
        return null;
      case "getTransactionIsolation":
        return Connection.TRANSACTION_NONE;
      case "setSavepoint", "releaseSavepoint", "prepareCall":
        throw new SQLFeatureNotSupportedException(
            method.getName() + " is not supported: the Statsig JDBC driver is read-only and has no transactions.",
            SqlState.FEATURE_NOT_SUPPORTED.code());
      case "createStatement":
        return StatementHandler.wrapPlain((Statement) forward(method, args), proxy, context, calcite, plans);
      case "prepareStatement": {
        SqlInspection sql = StatementHandler.check((String) args[0], context);
        return StatementHandler.wrapPrepared((PreparedStatement) forward(method, args), proxy, context, sql);
      }
      case "getMetaData":
        return MetaDataHandler.wrap((DatabaseMetaData) forward(method, args), proxy, calcite, context,
            StatsigDriver.PREFIX + "url=" + session.address());
      case "toolCalls":
        return tools.toolCalls();
      case "toString":
        return description;
      default:
        return FORWARD;
    }
  }
}
