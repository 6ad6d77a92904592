package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;

/**
 * Base of the thin JDBC wrappers over Calcite's (Avatica's) objects: forwards every call it does
 * not intercept, turns failures into SQLExceptions with SQLStates, unwraps to nothing but the
 * proxy itself, wraps whatever else would lead back to Calcite's objects, and merges the
 * wrapper's own warnings with the target's.
 */
abstract class ForwardingHandler implements InvocationHandler {
  protected final Object target;
  protected final ConnectionContext context;
  private final List<SQLWarning> warnings = new ArrayList<>();

  ForwardingHandler(Object target, ConnectionContext context) {
    this.target = target;
    this.context = context;
  }

  static <T> T proxy(Class<T> type, ForwardingHandler handler) {
    return type.cast(Proxy.newProxyInstance(StatsigDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** Handles {@code method} itself, or returns {@link #FORWARD}. */
  protected abstract Object intercept(Object proxy, Method method, Object[] args) throws Throwable;

  protected static final Object FORWARD = new Object();

  /**
   * Calcite plans an IN list of 20 or more values as a join with a VALUES table, which hides the
   * list from the scan: {@code id IN (20 ids)} then read every page of the list tool instead of
   * 20 detail calls. Lists up to 500 values (the largest per-query key limit in the table
   * catalog) are planned as a plain IN, so the key filter reaches the scan, which checks the
   * table's limit; longer ones stay joins (a Sarg of thousands of values overflows the stack in
   * Calcite's code generator).
   */
  private static final int IN_LIST_AS_JOIN_FROM = 501;

  @Override
  public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object identity = ProxyIdentity.answer(proxy, method.getName(), args, type -> "Not a wrapper for "
        + (type == null ? "null" : type.getName()) + ": the Statsig JDBC driver's objects unwrap only to the JDBC"
        + " interfaces they implement (a connection also to StatsigConnection); Calcite's and Avatica's own objects"
        + " are never handed out, as they could write.");
    if (identity != ProxyIdentity.OTHER_METHOD) {
      return identity;
    }
    switch (method.getName()) {
      case "getWarnings" -> {
        return warnings(method, args);
      }
      case "clearWarnings" -> {
        warnings.clear();
        return forward(method, args);
      }
      default -> {
        try {
          Object result = intercept(proxy, method, args);
          return contain(proxy, result == FORWARD ? forward(method, args) : result);
        } catch (SQLException e) {
          throw e;
        } catch (Throwable e) {
          // Whatever Calcite or generated code throws (errors included) leaves as an SQLException.
          if (Arrays.asList(method.getExceptionTypes()).contains(SQLException.class)) {
            throw translate(e);
          }
          throw e;
        }
      }
    }
  }

  /**
   * Nothing Calcite's own objects return leads back to them: a result set no handler wrapped
   * (metadata, generated keys, an array's rows) is wrapped here; a connection, statement or
   * metadata object no handler intercepted is withheld.
   */
  private Object contain(Object proxy, Object result) throws SQLException {
    if (result == null || Proxy.isProxyClass(result.getClass())) {
      return result;
    }
    if (result instanceof ResultSet rows) {
      return ResultSetHandler.wrap(rows, proxy instanceof Statement ? proxy : null, context, null, warning -> { });
    }
    if (result instanceof Array array) {
      return ArrayHandler.wrap(array, context);
    }
    if (result instanceof Connection || result instanceof Statement || result instanceof DatabaseMetaData) {
      throw new SQLException("The Statsig JDBC driver does not hand out Calcite's own " + result.getClass().getSimpleName(),
          SqlState.GENERAL_ERROR.code());
    }
    return result;
  }

  protected final Object forward(Method method, Object[] args) throws SQLException {
    // Only calls that plan SQL need the setting; getObject and friends run millions of times.
    String name = method.getName();
    if (!name.startsWith("execute") && !name.startsWith("prepare")) {
      return invoke(method, args);
    }
    try (TryThreadLocal.Memo planning = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(IN_LIST_AS_JOIN_FROM)) {
      return invoke(method, args);
    }
  }

  private Object invoke(Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw translate(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A call to Calcite made directly rather than forwarded, planned and failing as {@link #forward} would. */
  protected final <T> T planning(SqlCall<T> call) throws SQLException {
    try (TryThreadLocal.Memo planning = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(IN_LIST_AS_JOIN_FROM)) {
      return call.call();
    } catch (Throwable e) {
      throw translate(e);
    }
  }

  @FunctionalInterface
  protected interface SqlCall<T> {
    T call() throws SQLException;
  }

  private SQLException translate(Throwable failure) {
    return SqlErrors.translate(failure, context.tableNames(), context.unavailableTables(), context::attachedTableNames);
  }

  protected final void warn(SQLWarning warning) {
    warnings.add(warning);
  }

  protected final void clearOwnWarnings() {
    warnings.clear();
  }

  /** A fresh chain on each call: the wrapper's own warnings first, then the target's. */
  private Object warnings(Method method, Object[] args) throws SQLException {
    SQLWarning theirs = (SQLWarning) forward(method, args);
    if (warnings.isEmpty()) {
      return theirs;
    }
    SQLWarning chain = null;
    for (SQLWarning own : warnings) {
      SQLWarning copy = new SQLWarning(own.getMessage(), own.getSQLState());
      if (chain == null) {
        chain = copy;
      } else {
        chain.setNextWarning(copy);
      }
    }
    if (theirs != null) {
      chain.setNextWarning(theirs);
    }
    return chain;
  }
}
