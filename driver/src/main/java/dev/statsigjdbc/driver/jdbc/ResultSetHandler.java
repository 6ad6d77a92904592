package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.util.function.Consumer;

/**
 * A result set that, when it turns out empty, says why it may be (see {@link EmptyResultAdvice}):
 * as its own warning, and as one of its statement, where tools such as sqlline look.
 */
final class ResultSetHandler extends ForwardingHandler {
  private final Object statement;
  private final SqlInspection sql;
  private final Consumer<SQLWarning> statementWarnings;
  private boolean sawRow;
  private boolean advised;

  private ResultSetHandler(ResultSet target, Object statement, ConnectionContext context, SqlInspection sql,
      Consumer<SQLWarning> statementWarnings) {
    super(target, context);
    this.statement = statement;
    this.sql = sql;
    this.statementWarnings = statementWarnings;
  }

  /** @param sql null for a result no SQL text produced (metadata, an array's rows): it gives no advice */
  static ResultSet wrap(ResultSet target, Object statement, ConnectionContext context, SqlInspection sql,
      Consumer<SQLWarning> statementWarnings) {
    return proxy(ResultSet.class, new ResultSetHandler(target, statement, context, sql, statementWarnings));
  }

  @Override
  protected Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
    return switch (method.getName()) {
      case "next" -> {
        boolean hasRow = (Boolean) forward(method, args);
        sawRow |= hasRow;
        if (!sawRow && !advised && sql != null) {
          advised = true;
          EmptyResultAdvice.forEmptyResult(sql).ifPresent(warning -> {
            warn(warning);
            statementWarnings.accept(warning);
          });
        }
        yield hasRow;
      }
      case "getStatement" -> statement;
      case "toString" -> "StatsigResultSet";
      default -> FORWARD;
    };
  }
}
