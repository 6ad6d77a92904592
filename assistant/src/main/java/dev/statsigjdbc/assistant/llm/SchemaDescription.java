package dev.statsigjdbc.assistant.llm;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The tables a connection offers, with their columns and remarks, as a language model needs them. */
public record SchemaDescription(String schema, List<Table> tables) {

  public record Column(String name, String type, String remarks) {}

  public record Table(String name, String remarks, List<Column> columns) {
    public Table {
      columns = List.copyOf(columns);
    }
  }

  public SchemaDescription {
    tables = List.copyOf(tables);
  }

  /** Reads the tables of {@code schema} from the connection's metadata. */
  public static SchemaDescription read(Connection connection, String schema) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<Table> tables = new ArrayList<>();
    try (ResultSet t = meta.getTables(null, schema, "%", null)) {
      while (t.next()) {
        String name = t.getString("TABLE_NAME");
        List<Column> columns = new ArrayList<>();
        try (ResultSet c = meta.getColumns(null, schema, name, "%")) {
          while (c.next()) {
            columns.add(new Column(c.getString("COLUMN_NAME"), c.getString("TYPE_NAME"), c.getString("REMARKS")));
          }
        }
        tables.add(new Table(name, t.getString("REMARKS"), columns));
      }
    }
    return new SchemaDescription(schema, tables);
  }

  /** Table names in lower case, as a query may name them. */
  public Set<String> tableNames() {
    return tables.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** One line per table and one per column, remarks after a dash. */
  public String asText() {
    StringBuilder text = new StringBuilder();
    for (Table table : tables) {
      text.append('"').append(schema).append("\".\"").append(table.name()).append('"').append(remark(table.remarks()))
          .append('\n');
      for (Column column : table.columns()) {
        text.append("  \"").append(column.name()).append("\" ").append(column.type()).append(remark(column.remarks()))
            .append('\n');
      }
    }
    return text.toString();
  }

  private static String remark(String remarks) {
    return remarks == null || remarks.isBlank() ? "" : " - " + remarks.strip();
  }
}
