package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * A statement that refuses SQL which would write and hands out result sets that explain
 * emptiness. Its own warnings are cleared by each new execution, as JDBC asks.
 */
final class StatementHandler extends ForwardingHandler {
  private static final Set<String> TAKES_SQL =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

  private final Object connection;
  private SqlInspection lastSql;

  private StatementHandler(Statement target, Object connection, ConnectionContext context, SqlInspection sql) {
    super(target, context);
    this.connection = connection;
    this.lastSql = sql;
  }

  static Statement wrap(Statement target, Object connection, ConnectionContext context, SqlInspection preparedSql) {
    StatementHandler handler = new StatementHandler(target, connection, context, preparedSql);
    return target instanceof PreparedStatement
        ? proxy(PreparedStatement.class, handler)
        : proxy(Statement.class, handler);
  }

  /** Inspects {@code sql}, refusing it when it would change anything. */
  static SqlInspection check(String sql, ConnectionContext context) throws SQLException {
    SqlInspection inspection = SqlInspection.of(sql, context.parserConfig());
    if (inspection.modifies()) {
      throw SqlErrors.readOnly(firstWord(sql));
    }
    return inspection;
  }

  @Override
  protected Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.startsWith("execute")) {
      clearOwnWarnings();
    }
    if (TAKES_SQL.contains(name) && args != null && args.length > 0 && args[0] instanceof String sql) {
      lastSql = check(sql, context);
    }
    return switch (name) {
      case "executeQuery", "getResultSet" -> wrapResult(proxy, (ResultSet) forward(method, args));
      case "getConnection" -> connection;
      case "toString" -> "StatsigStatement";
      default -> FORWARD;
    };
  }

  private ResultSet wrapResult(Object statement, ResultSet result) {
    return result == null || lastSql == null ? result : ResultSetHandler.wrap(result, statement, context, lastSql, this::warn);
  }

  private static String firstWord(String sql) {
    return sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
  }
}
