package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.call.QueryAbortedException;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.exec.MissingKeyException;
import dev.statsigjdbc.adapter.guard.BlockedToolException;
import dev.statsigjdbc.driver.auth.OAuthException;
import dev.statsigjdbc.driver.mcp.McpSessionException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Turns what went wrong anywhere below the JDBC surface into a {@link SQLException} with a
 * SQLState a tool can act on, and a message that says what to do.
 */
final class SqlErrors {
  static final String READ_ONLY = "25006";
  static final String UNREACHABLE = "08001";
  static final String LINK_FAILURE = "08S01";
  static final String NOT_AUTHORIZED = "28000";
  static final String UNKNOWN_TABLE = "42S02";
  static final String UNKNOWN_COLUMN = "42S22";
  static final String SYNTAX = "42000";
  static final String MISSING_FILTER = "22023";
  static final String TIMEOUT = "HYT00";
  static final String CANCELLED = "HY008";
  static final String GENERAL = "HY000";
  static final String OUT_OF_RANGE = "22003";

  private static final Pattern UNKNOWN_OBJECT = Pattern.compile("(?:Object|Table) '([^']+)' not found");
  private static final Pattern UNKNOWN_COLUMN_TEXT = Pattern.compile("Column '([^']+)' not found");

  private SqlErrors() {}

  static SQLException readOnly(String what) {
    return new SQLException("The Statsig JDBC driver is read-only: " + what
        + " is refused. Only queries (SELECT, WITH, VALUES, EXPLAIN) run; make changes in the Statsig console.",
        READ_ONLY);
  }

  /**
   * The SQLException for {@code failure}.
   *
   * @param tableNames the Statsig tables of the connection, named when a query asks for one that does not exist
   * @param attachedTableNames the tables of each attached database, named likewise
   */
  static SQLException translate(Throwable failure, Collection<String> tableNames,
      Supplier<Map<String, List<String>>> attachedTableNames) {
    if (failure instanceof SQLException sql && sql.getSQLState() != null) {
      return sql;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      SQLException mapped = known(t, failure, tableNames, attachedTableNames);
      if (mapped != null) {
        return mapped;
      }
    }
    if (failure instanceof SQLException sql) {
      return new SQLException(sql.getMessage(), GENERAL, sql);
    }
    return new SQLException(messageOf(failure), GENERAL, failure);
  }

  /** For failures before a connection exists: there are no tables to name. */
  static SQLException translate(Throwable failure) {
    return translate(failure, List.of(), Map::of);
  }

  private static SQLException known(Throwable t, Throwable failure, Collection<String> tableNames,
      Supplier<Map<String, List<String>>> attachedTableNames) {
    if (t instanceof McpSessionException session) {
      return switch (session.kind()) {
        case UNREACHABLE -> new SQLNonTransientConnectionException(session.getMessage(), UNREACHABLE, failure);
        case TIMEOUT -> new SQLTimeoutException(session.getMessage(), TIMEOUT, failure);
        case TRANSIENT -> new SQLTransientConnectionException(session.getMessage(), LINK_FAILURE, failure);
        case UNAUTHORIZED -> new SQLInvalidAuthorizationSpecException(session.getMessage(), NOT_AUTHORIZED, failure);
        case PROTOCOL -> new SQLNonTransientConnectionException(session.getMessage(), LINK_FAILURE, failure);
      };
    }
    if (t instanceof OAuthException && t.getCause() instanceof IOException) {
      // The authorization server is down: not a refused sign-in.
      return new SQLNonTransientConnectionException(t.getMessage(), UNREACHABLE, failure);
    }
    if (t instanceof OAuthException) {
      return new SQLInvalidAuthorizationSpecException(t.getMessage(), NOT_AUTHORIZED, failure);
    }
    if (t instanceof BlockedToolException || t instanceof SQLException refused && READ_ONLY.equals(refused.getSQLState())) {
      return new SQLException(t.getMessage(), READ_ONLY, failure);
    }
    if (t instanceof MissingKeyException) {
      return new SQLException(t.getMessage(), MISSING_FILTER, failure);
    }
    if (t instanceof ToolCallException call) {
      String state = call.status() == 401 || call.status() == 403 ? NOT_AUTHORIZED : GENERAL;
      return new SQLException(call.getMessage(), state, failure);
    }
    if (t instanceof QueryAbortedException aborted) {
      return aborted.getMessage().toLowerCase().contains("time")
          ? new SQLTimeoutException(aborted.getMessage(), TIMEOUT, failure)
          : new SQLException(aborted.getMessage(), CANCELLED, failure);
    }
    if (t instanceof UnsupportedOperationException || t instanceof SQLFeatureNotSupportedException) {
      return null;
    }
    if (String.valueOf(t.getMessage()).startsWith("Unable to implement EnumerableLimit")) {
      // Calcite's limit runs on int: a LIMIT or OFFSET above 2^31 - 1 fails while planning.
      return new SQLException("LIMIT and OFFSET must be at most 2147483647; use a smaller value, or no LIMIT to read all rows.",
          OUT_OF_RANGE, failure);
    }
    if (t instanceof SqlParseException parse) {
      // Calcite's first line may end with its own full stop.
      return new SQLSyntaxErrorException("SQL syntax error: " + firstLine(parse.getMessage()).replaceAll("\\.+$", "")
          + ". Quote identifiers with double quotes; unquoted names are lower case.", SYNTAX, failure);
    }
    if (t instanceof CalciteContextException) {
      return validation(t.getMessage(), failure, tableNames, attachedTableNames);
    }
    if (t instanceof IllegalArgumentException) {
      return new SQLException(t.getMessage(), GENERAL, failure);
    }
    return null;
  }

  private static SQLException validation(String message, Throwable failure, Collection<String> tableNames,
      Supplier<Map<String, List<String>>> attachedTableNames) {
    Matcher table = UNKNOWN_OBJECT.matcher(message);
    if (table.find()) {
      StringBuilder text = new StringBuilder("Table '").append(table.group(1))
          .append("' does not exist. Tables of schema statsig: ").append(String.join(", ", tableNames));
      attachedTableNames.get().forEach((schema, tables) -> text.append("; of attached schema ").append(schema)
          .append(": ").append(tables.isEmpty() ? "(none)" : String.join(", ", tables)));
      return new SQLSyntaxErrorException(text
          + " (DatabaseMetaData.getTables, or SELECT * FROM statsig.statsig_tools for the tools behind Statsig's).",
          UNKNOWN_TABLE, failure);
    }
    Matcher column = UNKNOWN_COLUMN_TEXT.matcher(message);
    String text = message.substring(message.indexOf(':') + 1).strip();
    if (column.find()) {
      return new SQLSyntaxErrorException(text + ". DatabaseMetaData.getColumns lists a table's columns.",
          UNKNOWN_COLUMN, failure);
    }
    return new SQLSyntaxErrorException(text, SYNTAX, failure);
  }

  private static String messageOf(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
