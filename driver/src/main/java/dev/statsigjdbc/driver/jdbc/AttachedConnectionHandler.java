package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Wraps a connection to an attached database, and every statement, result set and metadata
 * object that comes from it, so that only SELECTs ({@link AttachedSqlCheck}) reach the database:
 * no callable statements, no updatable result sets, no commit (the connection's one transaction
 * is rolled back when it closes), no way back to the raw objects ({@code unwrap},
 * {@code getConnection}). The database itself is opened read-only too ({@link ReadOnlyAccess}).
 */
final class AttachedConnectionHandler implements InvocationHandler {
  /** The JDBC interfaces handed out wrapped, most specific first. */
  private static final List<Class<?>> WRAPPED = List.of(CallableStatement.class, PreparedStatement.class, Statement.class,
      Connection.class, DatabaseMetaData.class, ResultSet.class);
  private static final Set<String> TAKES_SQL = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "addBatch", "prepareStatement");
  /** ResultSet methods that write through an updatable result. */
  private static final Set<String> RESULT_WRITES = Set.of("insertRow", "updateRow", "deleteRow", "moveToInsertRow");

  private final Object target;
  private final Object connection;
  private final String database;

  private AttachedConnectionHandler(Object target, Object connection, String database) {
    this.target = target;
    this.connection = connection;
    this.database = database;
  }

  /** @param database the schema name it is attached as, for messages */
  static Connection wrap(Connection raw, String database) {
    return (Connection) Proxy.newProxyInstance(StatsigDriver.class.getClassLoader(), new Class<?>[] {Connection.class},
        new AttachedConnectionHandler(raw, null, database));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    Object owner = connection == null ? proxy : connection;
    Object identity = ProxyIdentity.answer(proxy, name, args,
        type -> "An object of the database attached as '" + database + "' unwraps to nothing but its JDBC interface");
    if (identity != ProxyIdentity.OTHER_METHOD) {
      return identity;
    }
    switch (name) {
      case "getConnection" -> {
        return owner;
      }
      case "prepareCall" -> throw new SQLFeatureNotSupportedException("Callable statements never reach the database attached as '"
          + database + "': it is read-only through the Statsig JDBC driver", SqlState.READ_ONLY_SQL_TRANSACTION.code());
      case "commit", "setAutoCommit", "setReadOnly", "releaseSavepoint" -> {
        return null; // the one transaction of this connection is never committed
      }
      case "close" -> {
        if (target instanceof Connection raw) {
          try (Connection closing = raw) {
            if (!raw.isClosed() && !raw.getAutoCommit()) {
              raw.rollback();
            }
          }
          return null;
        }
      }
      default -> {
        if (RESULT_WRITES.contains(name) || target instanceof ResultSet && name.startsWith("update")) {
          throw new SQLFeatureNotSupportedException("Result sets of the database attached as '" + database
              + "' are read-only through the Statsig JDBC driver", SqlState.READ_ONLY_SQL_TRANSACTION.code());
        }
      }
    }
    if (TAKES_SQL.contains(name) && args != null && args.length > 0 && args[0] instanceof String sql) {
      AttachedSqlCheck.requireSelect(sql, database);
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    return contain(result, owner);
  }

  /** A JDBC object from the raw connection, wrapped like its parent so that it leads nowhere else. */
  private Object contain(Object result, Object owner) {
    if (result == null || Proxy.isProxyClass(result.getClass())) {
      return result;
    }
    for (Class<?> type : WRAPPED) {
      if (type.isInstance(result)) {
        return Proxy.newProxyInstance(StatsigDriver.class.getClassLoader(), new Class<?>[] {type},
            new AttachedConnectionHandler(result, owner, database));
      }
    }
    return result;
  }
}
