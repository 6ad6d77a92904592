package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * A statement that refuses SQL which would write and hands out result sets that explain
 * emptiness. Its own warnings are cleared by each new execution, as JDBC asks. A plain
 * statement runs its queries on a plan borrowed from the connection's {@link PreparedPlans}
 * (planned once per SQL text) and gives the plan back when its result is done with. Only without
 * a row limit: Calcite fixes a prepared statement's limit when it plans it.
 */
final class StatementHandler extends ForwardingHandler {
  private static final Set<String> TAKES_SQL =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

  private final Object connection;
  private final Connection calcite;
  private final PreparedPlans plans;
  private SqlInspection lastSql;
  /** The plan lent to this statement while its result is current; read by cancel() from another thread. */
  private volatile PreparedStatement plan;
  private String planSql;
  private ResultSet planResult;

  private StatementHandler(Statement target, Object connection, ConnectionContext context, SqlInspection sql,
      Connection calcite, PreparedPlans plans) {
    super(target, context);
    this.connection = connection;
    this.lastSql = sql;
    this.calcite = calcite;
    this.plans = plans;
  }

  static Statement wrapPlain(Statement target, Object connection, ConnectionContext context, Connection calcite,
      PreparedPlans plans) {
    return proxy(Statement.class, new StatementHandler(target, connection, context, null, calcite, plans));
  }

  static PreparedStatement wrapPrepared(PreparedStatement target, Object connection, ConnectionContext context,
      SqlInspection sql) {
    return proxy(PreparedStatement.class, new StatementHandler(target, connection, context, sql, null, null));
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
      returnPlan(); // a new execution ends the current result, as JDBC says
      if (plans != null && lastSql.query() && args.length == 1 && ((Statement) target).getLargeMaxRows() == 0
          && (name.equals("executeQuery") || name.equals("execute"))) {
        ResultSet result = executePlanned(proxy, sql);
        return name.equals("execute") ? Boolean.TRUE : result;
      }
    }
    if (plan != null) {
      switch (name) {
        case "getResultSet":
          return planResult;
        case "getUpdateCount":
          return -1;
        case "getLargeUpdateCount":
          return -1L;
        case "getMoreResults":
          returnPlan();
          return false;
        case "cancel":
          PreparedStatement running = plan;
          if (running != null) {
            running.cancel();
          }
          return null;
        case "close":
          returnPlan();
          break;
        default:
          break;
      }
    }
    return switch (name) {
      case "executeQuery", "getResultSet" -> wrapResult(proxy, (ResultSet) forward(method, args));
      case "getConnection" -> connection;
      case "toString" -> "StatsigStatement";
      default -> FORWARD;
    };
  }

  /** Runs {@code sql} on a kept plan (or a new one) with this statement's timeout and fetch size. */
  private ResultSet executePlanned(Object proxy, String sql) throws SQLException {
    PreparedStatement borrowed = plans.take(sql);
    if (borrowed == null) {
      borrowed = planning(() -> calcite.prepareStatement(sql));
    }
    Statement settings = (Statement) target;
    try {
      borrowed.setQueryTimeout(settings.getQueryTimeout());
      borrowed.setFetchSize(settings.getFetchSize());
      planSql = sql;
      plan = borrowed;
      planResult = wrapResult(proxy, planning(borrowed::executeQuery));
      return planResult;
    } catch (SQLException | RuntimeException e) {
      // A plan whose execution failed is not kept: the next execution plans afresh.
      plan = null;
      planResult = null;
      try (PreparedStatement closing = borrowed) {
        throw e;
      }
    }
  }

  /** Closes the current result of a borrowed plan and gives the plan back to the connection. */
  private void returnPlan() throws SQLException {
    PreparedStatement lent = plan;
    if (lent == null) {
      return;
    }
    ResultSet result = planResult;
    plan = null;
    planResult = null;
    try {
      if (result != null) {
        result.close();
      }
    } finally {
      plans.give(planSql, lent);
    }
  }

  private ResultSet wrapResult(Object statement, ResultSet result) {
    return result == null || lastSql == null ? result : ResultSetHandler.wrap(result, statement, context, lastSql, this::warn);
  }

  private static String firstWord(String sql) {
    return sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
  }
}
