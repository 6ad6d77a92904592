package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSet;

/** A result set that, when it turns out empty, says why it may be (see {@link EmptyResultAdvice}). */
final class ResultSetHandler extends ForwardingHandler {
  private final Object statement;
  private final SqlInspection sql;
  private boolean sawRow;
  private boolean advised;

  private ResultSetHandler(ResultSet target, Object statement, ConnectionContext context, SqlInspection sql) {
    super(target, context);
    this.statement = statement;
    this.sql = sql;
  }

  static ResultSet wrap(ResultSet target, Object statement, ConnectionContext context, SqlInspection sql) {
    return proxy(ResultSet.class, new ResultSetHandler(target, statement, context, sql));
  }

  @Override
  protected Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
    return switch (method.getName()) {
      case "next" -> {
        boolean hasRow = (Boolean) forward(method, args);
        sawRow |= hasRow;
        if (!sawRow && !advised) {
          advised = true;
          EmptyResultAdvice.forEmptyResult(sql).ifPresent(this::warn);
        }
        yield hasRow;
      }
      case "getStatement" -> statement;
      case "toString" -> "StatsigResultSet";
      default -> FORWARD;
    };
  }
}
