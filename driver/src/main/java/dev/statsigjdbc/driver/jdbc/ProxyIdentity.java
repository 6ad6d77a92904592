package dev.statsigjdbc.driver.jdbc;

import java.sql.SQLException;
import java.util.function.Function;

/**
 * The identity of a driver proxy: {@code unwrap} and {@code isWrapperFor} answer for the proxy's
 * own interfaces only (never for the object behind it, which could write), {@code equals} and
 * {@code hashCode} are the proxy's own.
 */
final class ProxyIdentity {
  /** Returned for any other method. */
  static final Object OTHER_METHOD = new Object();

  private ProxyIdentity() {}

  /** @param refusal the message for an unwrap to a type the proxy does not implement */
  static Object answer(Object proxy, String method, Object[] args, Function<Class<?>, String> refusal)
      throws SQLException {
    return switch (method) {
      case "unwrap" -> {
        Class<?> type = (Class<?>) args[0];
        if (type != null && type.isInstance(proxy)) {
          yield proxy;
        }
        throw new SQLException(refusal.apply(type), SqlState.GENERAL_ERROR.code());
      }
      case "isWrapperFor" -> args[0] != null && ((Class<?>) args[0]).isInstance(proxy);
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> OTHER_METHOD;
    };
  }
}
