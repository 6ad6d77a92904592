package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/** Calcite's DatabaseMetaData, telling the truth about read-only-ness and adding primary keys. */
final class MetaDataHandler extends ForwardingHandler {
  private final Object connection;
  private final Connection calcite;

  private MetaDataHandler(DatabaseMetaData target, Object connection, Connection calcite, ConnectionContext context) {
    super(target, context);
    this.connection = connection;
    this.calcite = calcite;
  }

  static DatabaseMetaData wrap(DatabaseMetaData target, Object connection, Connection calcite, ConnectionContext context) {
    return proxy(DatabaseMetaData.class, new MetaDataHandler(target, connection, calcite, context));
  }

  @Override
  protected Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
    return switch (method.getName()) {
      case "getConnection" -> connection;
      case "isReadOnly" -> true;
      case "supportsTransactions" -> false;
      case "getDefaultTransactionIsolation" -> Connection.TRANSACTION_NONE;
      case "getPrimaryKeys" -> PrimaryKeys.of(calcite, context, (String) args[1], (String) args[2]);
      case "toString" -> "StatsigDatabaseMetaData";
      default -> FORWARD;
    };
  }
}
