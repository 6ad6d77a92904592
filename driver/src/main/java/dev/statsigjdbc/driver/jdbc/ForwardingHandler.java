package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Wrapper;

/**
 * Base of the thin JDBC wrappers over Calcite's (Avatica's) objects: forwards every call it does
 * not intercept, turns failures into SQLExceptions with SQLStates, keeps {@code unwrap} working
 * and merges the wrapper's own warnings with the target's.
 */
abstract class ForwardingHandler implements InvocationHandler {
  protected final Object target;
  protected final ConnectionContext context;
  private SQLWarning warnings;

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

  @Override
  public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "unwrap" -> {
        Class<?> type = (Class<?>) args[0];
        return type.isInstance(proxy) ? proxy : ((Wrapper) target).unwrap(type);
      }
      case "isWrapperFor" -> {
        Class<?> type = (Class<?>) args[0];
        return type.isInstance(proxy) || ((Wrapper) target).isWrapperFor(type);
      }
      case "equals" -> {
        return proxy == args[0];
      }
      case "hashCode" -> {
        return System.identityHashCode(proxy);
      }
      case "getWarnings" -> {
        return warnings(proxy, method, args);
      }
      case "clearWarnings" -> {
        warnings = null;
        return forward(method, args);
      }
      default -> {
        Object result = intercept(proxy, method, args);
        return result == FORWARD ? forward(method, args) : result;
      }
    }
  }

  protected final Object forward(Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw SqlErrors.translate(e.getCause(), context.tableNames());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  protected final void warn(SQLWarning warning) {
    if (warnings == null) {
      warnings = warning;
    } else {
      warnings.setNextWarning(warning);
    }
  }

  private Object warnings(Object proxy, Method method, Object[] args) throws SQLException {
    SQLWarning own = warnings;
    SQLWarning theirs = (SQLWarning) forward(method, args);
    if (own == null) {
      return theirs;
    }
    SQLWarning chain = new SQLWarning(own.getMessage(), own.getSQLState());
    for (SQLWarning w = own.getNextWarning(); w != null; w = w.getNextWarning()) {
      chain.setNextWarning(new SQLWarning(w.getMessage(), w.getSQLState()));
    }
    if (theirs != null) {
      chain.setNextWarning(theirs);
    }
    return chain;
  }
}
