package dev.statsigjdbc.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.driver.jdbc.StatsigConnection;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code statsig-sql sql "<query>"}: runs one query through the JDBC driver and prints its rows. */
@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Run a SQL query against Statsig (a named data source or the demo emulator).")
final class SqlCommand implements Callable<Integer> {

  /** Output formats: a text table for people, CSV and JSON (streamed row by row) for programs. */
  enum Format { TABLE, CSV, JSON }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query, in quotes.")
  String query;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DataSourceOptions.Choice source;

  @Option(names = "--format", description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format format = Format.TABLE;

  @Option(names = "--explain", description = "Print the plan, with the tool calls each scan makes, instead of rows.")
  boolean explain;

  @Option(names = "--progress", negatable = true, description = "Show a progress line on stderr (pages, rows, tool"
      + " calls, elapsed time). Default: when stderr is a terminal and the rows do not stream to the same terminal.")
  Boolean progress;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (DataSourceOptions.Opened opened = DataSourceOptions.open(source);
        Statement statement = opened.connection().createStatement()) {
      SQLWarning warnings;
      ProgressLine progressLine = showProgress()
          ? ProgressLine.start(opened.connection().unwrap(StatsigConnection.class), err) : null;
      try (ResultSet rows = statement.executeQuery(explain ? "EXPLAIN PLAN FOR " + query : query)) {
        if (explain) {
          while (rows.next()) {
            out.println(rows.getString(1));
          }
        } else {
          print(progressLine == null ? rows : progressLine.track(rows), ColumnLabels.of(query, rows.getMetaData()),
              progressLine, out);
        }
        warnings = rows.getWarnings();
      } finally {
        if (progressLine != null) {
          progressLine.close();
        }
      }
      for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
        err.println("Warning: " + warning.getMessage());
      }
    } catch (SQLException e) {
      spec.commandLine().getErr().println("statsig-sql sql: " + e.getMessage());
      return e.getSQLState() != null && e.getSQLState().startsWith("28") ? ExitCodes.AUTH : ExitCodes.FAILURE;
    } finally {
      out.flush();
    }
    return ExitCodes.OK;
  }

  /**
   * Asked for, or else when stderr is a terminal and stdout does not stream rows to a terminal
   * (where they would tear the line): the table format prints only after the last row.
   */
  private boolean showProgress() {
    if (explain) {
      return false;
    }
    if (progress != null) {
      return progress;
    }
    return Terminal.isTerminal(Terminal.STDERR) && (format == Format.TABLE || !Terminal.isTerminal(Terminal.STDOUT));
  }

  /**
   * @param labels the column headings
   * @param progress closed once every row is read, before the table is printed; may be null
   */
  private void print(ResultSet rows, List<String> labels, ProgressLine progress, PrintWriter out) throws Exception {
    switch (format) {
      case TABLE -> {
        ResultTable table = new ResultTable(labels, ResultTable.read(rows).rows());
        if (progress != null) {
          progress.close();
        }
        TextTable.print(table, Integer.MAX_VALUE, out);
      }
      case CSV -> printCsv(rows, labels, out);
      case JSON -> printJson(rows, labels, out);
    }
  }

  /** NULL is an empty field, as CSV readers expect. */
  private static void printCsv(ResultSet rows, List<String> labels, PrintWriter out) throws SQLException {
    String[] header = new String[labels.size()];
    for (int i = 0; i < header.length; i++) {
      header[i] = csvField(labels.get(i));
    }
    out.println(String.join(",", header));
    while (rows.next()) {
      String[] fields = new String[header.length];
      for (int i = 0; i < fields.length; i++) {
        String value = CellText.of(rows.getObject(i + 1));
        fields[i] = value == null ? "" : csvField(value);
      }
      out.println(String.join(",", fields));
    }
  }

  /** RFC 4180: quote fields holding a comma, quote or line break; double inner quotes. */
  static String csvField(String text) {
    return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static void printJson(ResultSet rows, List<String> labels, PrintWriter out) throws Exception {
    try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartArray();
      while (rows.next()) {
        json.writeStartObject();
        for (int i = 1; i <= labels.size(); i++) {
          Object value = rows.getObject(i);
          json.writeFieldName(labels.get(i - 1));
          if (value instanceof Number || value instanceof Boolean || value == null) {
            json.writeObject(value);
          } else {
            json.writeString(CellText.of(value));
          }
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    out.println();
  }
}
