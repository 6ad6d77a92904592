package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.Array;

/** An ARRAY value whose rows ({@code getResultSet}) are wrapped like every other result. */
final class ArrayHandler extends ForwardingHandler {

  private ArrayHandler(Array target, ConnectionContext context) {
    super(target, context);
  }

  static Array wrap(Array target, ConnectionContext context) {
    return proxy(Array.class, new ArrayHandler(target, context));
  }

  @Override
  protected Object intercept(Object proxy, Method method, Object[] args) {
    return method.getName().equals("toString") ? "StatsigArray" : FORWARD;
  }
}
