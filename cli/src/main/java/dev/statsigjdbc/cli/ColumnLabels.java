package dev.statsigjdbc.cli;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Column headings for a result: the driver's labels, except that a select item without an
 * alias, which Calcite calls {@code EXPR$0}, is headed by its own text as the query wrote it
 * ({@code COUNT(*)}, {@code AVG(duration)}).
 */
final class ColumnLabels {
  private static final Pattern GENERATED = Pattern.compile("(?i)expr\\$\\d+");
  private static final SqlParser.Config PARSER = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE).withUnquotedCasing(Casing.UNCHANGED).withCaseSensitive(false);

  private ColumnLabels() {}

  static List<String> of(String query, ResultSetMetaData meta) throws SQLException {
    List<String> labels = new ArrayList<>();
    List<SqlNode> items = selectItems(query);
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String label = meta.getColumnLabel(i);
      boolean generated = GENERATED.matcher(label).matches() && items != null && i <= items.size();
      labels.add(generated ? textOf(query, items.get(i - 1).getParserPosition()) : label);
    }
    return labels;
  }

  /** The top-level select list, or null when the query is not a plain SELECT (then labels stay as they are). */
  private static List<SqlNode> selectItems(String query) {
    try {
      SqlNode node = SqlParser.create(query, PARSER).parseQuery();
      if (node instanceof SqlOrderBy orderBy) {
        node = orderBy.query;
      }
      return node instanceof SqlSelect select ? select.getSelectList().getList() : null;
    } catch (SqlParseException e) {
      return null;
    }
  }

  /** The query's text between two parser positions (1-based lines and columns, inclusive). */
  private static String textOf(String query, SqlParserPos pos) {
    String[] lines = query.split("\n", -1);
    int start = offset(lines, pos.getLineNum(), pos.getColumnNum());
    int end = offset(lines, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    return query.substring(start, Math.min(end, query.length())).replaceAll("\\s+", " ");
  }

  private static int offset(String[] lines, int line, int column) {
    int offset = 0;
    for (int i = 0; i < line - 1; i++) {
      offset += lines[i].length() + 1;
    }
    return offset + column - 1;
  }
}
