package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.StatsigSchemaFactory;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code DatabaseMetaData.getPrimaryKeys}: the {@code id} column of every curated table looked up
 * by id (experiments, gates, metrics, ...). The rows are produced by a VALUES query on the
 * connection itself, so the result set is an ordinary Calcite one.
 */
final class PrimaryKeys {
  private static final String KEY_COLUMN = "id";
  private static final String COLUMNS =
      "(\"TABLE_CAT\", \"TABLE_SCHEM\", \"TABLE_NAME\", \"COLUMN_NAME\", \"KEY_SEQ\", \"PK_NAME\")";

  private PrimaryKeys() {}

  static ResultSet of(Connection calcite, ConnectionContext context, String schema, String table) throws SQLException {
    List<String> tables = TableCatalog.load().tables().stream()
        .filter(PrimaryKeys::hasKey)
        .map(TableSpec::name)
        .filter(context.tableNames()::contains)
        .filter(name -> table == null || name.equals(table))
        .filter(name -> schema == null || schema.equals(StatsigSchemaFactory.DEFAULT_SCHEMA_NAME))
        .toList();
    String rows = tables.isEmpty() ? row("none") + ") AS t " + COLUMNS + " WHERE FALSE"
        : tables.stream().map(PrimaryKeys::row).collect(Collectors.joining(", ")) + ") AS t " + COLUMNS;
    Statement statement = calcite.createStatement();
    statement.closeOnCompletion();
    return statement.executeQuery("SELECT * FROM (VALUES " + rows + " ORDER BY \"TABLE_NAME\"");
  }

  /** Whether the table is looked up by an optional {@value #KEY_COLUMN} key, which is then its primary key. */
  static boolean hasKey(TableSpec spec) {
    return spec.key(KEY_COLUMN).filter(key -> !key.required()).isPresent();
  }

  static boolean isKey(TableSpec spec, String column) {
    return KEY_COLUMN.equalsIgnoreCase(column) && hasKey(spec);
  }

  /** Table names come from the catalog (lower-case words), never from the caller. */
  private static String row(String table) {
    return "(CAST(NULL AS VARCHAR), " + text(StatsigSchemaFactory.DEFAULT_SCHEMA_NAME) + ", " + text(table) + ", "
        + text(KEY_COLUMN) + ", CAST(1 AS SMALLINT), " + text(table + "_pk") + ")";
  }

  /** VARCHAR, not CHAR: VALUES would pad shorter literals to the longest. */
  private static String text(String value) {
    return "CAST('" + value + "' AS VARCHAR)";
  }
}
