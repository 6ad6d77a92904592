package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.answer.ResultTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A result as a small fixed-width text table for the terminal. */
final class TextTable {
  private static final int MAX_WIDTH = 40;

  private TextTable() {}

  static void print(ResultTable table, int maxRows, PrintWriter out) {
    if (table.columns().isEmpty()) {
      return;
    }
    List<List<String>> cells = new ArrayList<>();
    cells.add(table.columns());
    table.rows().stream().limit(maxRows).forEach(row -> cells.add(row.stream().map(TextTable::cell).toList()));
    int[] widths = new int[table.columns().size()];
    for (List<String> row : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(r).get(i)));
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        out.println("-".repeat(line.toString().stripTrailing().length()));
      }
    }
    if (table.size() > maxRows) {
      out.printf("... %d more rows%n", table.size() - maxRows);
    }
  }

  /** NULL shows as NULL (a blank would read as an empty string). */
  private static String cell(Object value) {
    String text = value == null ? "NULL" : CellText.of(value);
    return text.length() > MAX_WIDTH ? text.substring(0, MAX_WIDTH - 1) + "…" : text;
  }
}
