package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.call.QueryAbortedException;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.exec.MissingKeyException;
import dev.statsigjdbc.adapter.guard.BlockedToolException;
import dev.statsigjdbc.driver.auth.OAuthException;
import dev.statsigjdbc.driver.mcp.McpSessionException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.impl.ParseException;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;

/**
 * Turns what went wrong anywhere below the JDBC surface into a {@link SQLException} with a
 * SQLState a tool can act on, and a message that says what to do.
 */
final class SqlErrors {
  private static final Pattern UNKNOWN_OBJECT = Pattern.compile("(?:Object|Table) '([^']+)' not found");
  private static final Pattern UNKNOWN_COLUMN_TEXT = Pattern.compile("Column '([^']+)' not found");
  /** Calcite's parser, asked whether a word is reserved (and so needs quotes as a name). */
  private static final SqlAbstractParserImpl.Metadata PARSER_WORDS =
      SqlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

  private SqlErrors() {}

  static SQLException readOnly(String what) {
    return new SQLException("The Statsig JDBC driver is read-only: " + what
        + " is refused. Only queries (SELECT, WITH, VALUES, EXPLAIN) run; make changes in the Statsig console.",
        SqlState.READ_ONLY_SQL_TRANSACTION.code());
  }

  /**
   * The SQLException for {@code failure}.
   *
   * @param tableNames the Statsig tables of the connection, named when a query asks for one that does not exist
   * @param unavailableTables the catalog's tables this server cannot serve, with why, said when a query asks for one
   * @param attachedTableNames the tables of each attached database, named likewise
   */
  static SQLException translate(Throwable failure, Collection<String> tableNames, Map<String, String> unavailableTables,
      Supplier<Map<String, List<String>>> attachedTableNames) {
    if (failure instanceof SQLException sql && sql.getSQLState() != null) {
      return sql;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      SQLException mapped = known(t, failure, tableNames, unavailableTables, attachedTableNames);
      if (mapped != null) {
        return mapped;
      }
    }
    if (failure instanceof SQLException sql) {
      return new SQLException(sql.getMessage(), SqlState.GENERAL_ERROR.code(), sql);
    }
    return new SQLException(messageOf(failure), SqlState.GENERAL_ERROR.code(), failure);
  }

  /** For failures before a connection exists: there are no tables to name. */
  static SQLException translate(Throwable failure) {
    return translate(failure, List.of(), Map.of(), Map::of);
  }

  private static SQLException known(Throwable t, Throwable failure, Collection<String> tableNames,
      Map<String, String> unavailableTables, Supplier<Map<String, List<String>>> attachedTableNames) {
    if (t instanceof McpSessionException session) {
      return switch (session.kind()) {
        case UNREACHABLE -> new SQLNonTransientConnectionException(session.getMessage(), SqlState.UNABLE_TO_CONNECT.code(), failure);
        case TIMEOUT -> new SQLTimeoutException(session.getMessage(), SqlState.TIMEOUT_EXPIRED.code(), failure);
        case TRANSIENT -> new SQLTransientConnectionException(session.getMessage(), SqlState.COMMUNICATION_LINK_FAILURE.code(), failure);
        case UNAUTHORIZED -> new SQLInvalidAuthorizationSpecException(session.getMessage(), SqlState.INVALID_AUTHORIZATION.code(), failure);
        case PROTOCOL -> new SQLNonTransientConnectionException(session.getMessage(), SqlState.COMMUNICATION_LINK_FAILURE.code(), failure);
      };
    }
    if (t instanceof OAuthException && t.getCause() instanceof IOException) {
      // The authorization server is down: not a refused sign-in.
      return new SQLNonTransientConnectionException(t.getMessage(), SqlState.UNABLE_TO_CONNECT.code(), failure);
    }
    if (t instanceof OAuthException) {
      return new SQLInvalidAuthorizationSpecException(t.getMessage(), SqlState.INVALID_AUTHORIZATION.code(), failure);
    }
    if (t instanceof BlockedToolException
        || t instanceof SQLException refused && SqlState.READ_ONLY_SQL_TRANSACTION.code().equals(refused.getSQLState())) {
      return new SQLException(t.getMessage(), SqlState.READ_ONLY_SQL_TRANSACTION.code(), failure);
    }
    if (t instanceof MissingKeyException) {
      return new SQLException(t.getMessage(), SqlState.INVALID_PARAMETER_VALUE.code(), failure);
    }
    if (t instanceof ToolCallException call) {
      SqlState state = call.status() == 401 || call.status() == 403 ? SqlState.INVALID_AUTHORIZATION : SqlState.GENERAL_ERROR;
      return new SQLException(call.getMessage(), state.code(), failure);
    }
    if (t instanceof QueryAbortedException aborted) {
      return aborted.getMessage().toLowerCase().contains("time")
          ? new SQLTimeoutException(aborted.getMessage(), SqlState.TIMEOUT_EXPIRED.code(), failure)
          : new SQLException(aborted.getMessage(), SqlState.OPERATION_CANCELLED.code(), failure);
    }
    if (t instanceof UnsupportedOperationException || t instanceof SQLFeatureNotSupportedException) {
      return null;
    }
    if (String.valueOf(t.getMessage()).startsWith("Unable to implement EnumerableLimit")) {
      // Calcite's limit runs on int: a LIMIT or OFFSET above 2^31 - 1 fails while planning.
      return new SQLException("LIMIT and OFFSET must be at most 2147483647; use a smaller value, or no LIMIT to read all rows.",
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE.code(), failure);
    }
    if (t instanceof SqlParseException parse) {
      // Calcite's first line may end with its own full stop.
      return new SQLSyntaxErrorException("SQL syntax error: " + firstLine(parse.getMessage()).replaceAll("\\.+$", "")
          + "." + syntaxHint(parse), SqlState.SYNTAX_ERROR.code(), failure);
    }
    if (t instanceof CalciteContextException) {
      return validation(t.getMessage(), failure, tableNames, unavailableTables, attachedTableNames);
    }
    Optional<SQLDataException> conversion = ConversionFailure.of(t, failure);
    if (conversion.isPresent()) {
      return conversion.get();
    }
    if (t instanceof ArithmeticException) {
      return new SQLDataException("Arithmetic error: " + messageOf(t) + ".", SqlState.DATA_EXCEPTION.code(), failure);
    }
    if (t instanceof StackOverflowError) {
      return new SQLException("The query is too large or too deeply nested to plan; split it or use fewer values"
          + " (long IN lists: a join with a table of the values).", SqlState.STATEMENT_TOO_COMPLEX.code(), failure);
    }
    if (t instanceof IllegalArgumentException) {
      return new SQLException(t.getMessage(), SqlState.GENERAL_ERROR.code(), failure);
    }
    return null;
  }

  private static SQLException validation(String message, Throwable failure, Collection<String> tableNames,
      Map<String, String> unavailableTables, Supplier<Map<String, List<String>>> attachedTableNames) {
    Matcher table = UNKNOWN_OBJECT.matcher(message);
    if (table.find()) {
      String name = table.group(1);
      String why = unavailableTables.get(name.toLowerCase(Locale.ROOT));
      StringBuilder text = new StringBuilder("Table '").append(name)
          .append(why == null ? "' does not exist" : "' is not available from this server: " + why)
          .append(". Tables of schema statsig: ").append(String.join(", ", tableNames));
      attachedTableNames.get().forEach((schema, tables) -> text.append("; of attached schema ").append(schema)
          .append(": ").append(tables.isEmpty() ? "(none)" : String.join(", ", tables)));
      return new SQLSyntaxErrorException(text
          + " (DatabaseMetaData.getTables, or SELECT * FROM statsig.statsig_tools for the tools behind Statsig's and whether SQL may call them).",
          SqlState.UNDEFINED_TABLE.code(), failure);
    }
    Matcher column = UNKNOWN_COLUMN_TEXT.matcher(message);
    String text = message.substring(message.indexOf(':') + 1).strip();
    if (column.find()) {
      return new SQLSyntaxErrorException(text + ". DatabaseMetaData.getColumns lists a table's columns.",
          SqlState.UNDEFINED_COLUMN.code(), failure);
    }
    return new SQLSyntaxErrorException(text, SqlState.SYNTAX_ERROR.code(), failure);
  }

  /**
   * A hint that fits the error: how to quote a reserved word used as a name, or how a query
   * starts; none when the message alone says it.
   */
  private static String syntaxHint(SqlParseException parse) {
    if (parse.getCause() instanceof ParseException cause && cause.currentToken != null && cause.currentToken.next != null) {
      String word = cause.currentToken.next.image;
      if (word.matches("[A-Za-z_]+") && PARSER_WORDS.isReservedWord(word.toUpperCase(Locale.ROOT))) {
        String name = word.toLowerCase(Locale.ROOT);
        return " '" + word + "' is a reserved word in SQL: as a column or alias name write it in double quotes, \""
            + name + "\" (e.g. SELECT \"" + name + "\" FROM ...).";
      }
      return "";
    }
    return parse.getPos() != null && parse.getPos().getLineNum() == 1 && parse.getPos().getColumnNum() == 1
        ? " A query starts with SELECT, WITH, VALUES or EXPLAIN." : "";
  }

  private static String messageOf(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
