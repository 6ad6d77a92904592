package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * Calcite's DatabaseMetaData, telling the truth about read-only-ness and batches, adding primary
 * keys and the SYSTEM TABLE type, and giving a URL that names the server but no credentials.
 */
final class MetaDataHandler extends ForwardingHandler {
  private final Object connection;
  private final Connection calcite;
  private final String url;

  private MetaDataHandler(DatabaseMetaData target, Object connection, Connection calcite, ConnectionContext context,
      String url) {
    super(target, context);
    this.connection = connection;
    this.calcite = calcite;
    this.url = url;
  }

  /** @param url the connection's URL without credentials */
  static DatabaseMetaData wrap(DatabaseMetaData target, Object connection, Connection calcite, ConnectionContext context,
      String url) {
    return proxy(DatabaseMetaData.class, new MetaDataHandler(target, connection, calcite, context, url));
  }

  @Override
  protected Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
    return switch (method.getName()) {
      case "getConnection" -> connection;
      case "isReadOnly" -> true;
      case "supportsTransactions", "supportsBatchUpdates" -> false;
      case "getURL" -> url;
      case "getTableTypes" -> TableTypes.of(calcite);
      case "getDefaultTransactionIsolation" -> Connection.TRANSACTION_NONE;
      case "getPrimaryKeys" -> PrimaryKeys.of(calcite, context, (String) args[1], (String) args[2]);
      case "toString" -> "StatsigDatabaseMetaData";
      default -> FORWARD;
    };
  }
}
