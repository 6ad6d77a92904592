package dev.statsigjdbc.assistant.answer;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A query's result held in memory: column labels (lower case) and rows of JDBC values. */
public record ResultTable(List<String> columns, List<List<Object>> rows) {

  public ResultTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
  }

  public static ResultTable read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData meta = resultSet.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      Object[] row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = resultSet.getObject(i + 1);
      }
      rows.add(Arrays.asList(row));
    }
    return new ResultTable(columns, rows);
  }

  public int index(String column) {
    int i = columns.indexOf(column.toLowerCase(Locale.ROOT));
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return i;
  }

  public Object value(int row, String column) {
    return rows.get(row).get(index(column));
  }

  public String text(int row, String column) {
    Object v = value(row, column);
    return v == null ? null : v.toString();
  }

  /** The value as a number, or null when it is SQL NULL. */
  public Double number(int row, String column) {
    Object v = value(row, column);
    return v == null ? null : ((Number) v).doubleValue();
  }

  public int size() {
    return rows.size();
  }
}
