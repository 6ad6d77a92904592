package dev.statsigjdbc.driver.jdbc;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The last check on SQL before it reaches an attached database: Calcite's JDBC adapter sends
 * one SELECT per query; anything else is refused, whatever produced it. Read token by token
 * outside string literals and quoted identifiers: the first word must be SELECT (after opening
 * parentheses); no {@code ;} (a second statement), no comment, no {@code INTO} (PostgreSQL's
 * {@code SELECT ... INTO} creates a table). A backslash before a quote is refused too: databases
 * disagree on whether it escapes the quote, so the literal's end would be uncertain.
 */
final class AttachedSqlCheck {

  private AttachedSqlCheck() {}

  static void requireSelect(String sql, String database) throws SQLException {
    String problem = problem(sql);
    if (problem != null) {
      throw new SQLException("The database attached as '" + database + "' is read-only through the Statsig JDBC driver: "
          + problem + " is refused. Only queries reach attached databases; change the data with the database's own tools.",
          SqlState.READ_ONLY_SQL_TRANSACTION.code());
    }
  }

  /** Why {@code sql} is not a single SELECT, or null when it is. */
  static String problem(String sql) {
    if (sql == null || sql.isBlank()) {
      return "an empty statement";
    }
    if (sql.contains("\\'") || sql.contains("\\\"")) {
      return "a backslash before a quote";
    }
    String firstWord = null;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = closingQuote(sql, i);
        if (i < 0) {
          return "an unterminated quote";
        }
      } else if (c == ';') {
        return "more than one statement (;)";
      } else if (sql.startsWith("--", i) || sql.startsWith("/*", i) || c == '#') {
        return "a comment";
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
          end++;
        }
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if (firstWord == null) {
          firstWord = word;
          if (!word.equals("SELECT")) {
            return word;
          }
        } else if (word.equals("INTO")) {
          return "SELECT ... INTO";
        }
        i = end - 1;
      } else if (firstWord == null && c != '(' && !Character.isWhitespace(c)) {
        return "a statement that does not start with SELECT";
      }
      i++;
    }
    return firstWord == null ? "a statement that does not start with SELECT" : null;
  }

  /** The index of the quote closing the one at {@code open} (a doubled quote stays inside), or -1. */
  private static int closingQuote(String sql, int open) {
    char quote = sql.charAt(open);
    for (int i = open + 1; i < sql.length(); i++) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}
