package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Sql;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables a connection offers, with their columns and remarks: Statsig's schema and every
 * database attached next to it (docs/attach.md), read from {@link DatabaseMetaData}.
 */
public record SchemaDescription(List<Table> tables) {
  public record Column(String name, String type, String remarks) {
    public boolean numeric() {
      return type != null && type.matches("(?i).*(INT|DECIMAL|NUMERIC|DOUBLE|FLOAT|REAL).*");
    }
  }

  public record Table(String schema, String name, String remarks, List<Column> columns) {
    public Table {
      columns = List.copyOf(columns);
    }

    /** The column named so (any case), if the table has it. */
    public Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** schema.table in lower case. */
    public String qualifiedName() {
      return (schema + "." + name).toLowerCase(Locale.ROOT);
    }

    public boolean attached() {
      return !schema.equalsIgnoreCase(Sql.SCHEMA);
    }
  }

  public static final SchemaDescription NONE = new SchemaDescription(List.of());

  public SchemaDescription {
    tables = List.copyOf(tables);
  }

  /** Reads every schema of the connection (the driver lists data only): {@code statsig} first, then the attached ones by name. */
  public static SchemaDescription read(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> schemas = new ArrayList<>();
    try (ResultSet s = meta.getSchemas()) {
      while (s.next()) {
        schemas.add(s.getString("TABLE_SCHEM"));
      }
    }
    schemas.sort((a, b) -> a.equalsIgnoreCase(Sql.SCHEMA) ? -1 : b.equalsIgnoreCase(Sql.SCHEMA) ? 1 : a.compareTo(b));
    List<Table> tables = new ArrayList<>();
    for (String schema : schemas) {
      tables.addAll(read(meta, schema));
    }
    return new SchemaDescription(tables);
  }

  private static List<Table> read(DatabaseMetaData meta, String schema) throws SQLException {
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
        tables.add(new Table(schema, name, t.getString("REMARKS"), columns));
      }
    }
    return tables;
  }

  /** Tables of databases attached next to Statsig. */
  public List<Table> attached() {
    return tables.stream().filter(Table::attached).toList();
  }

  /** Qualified table names (schema.table) in lower case. */
  public Set<String> qualifiedNames() {
    return tables.stream().map(Table::qualifiedName).collect(Collectors.toUnmodifiableSet());
  }

  /** One line per table and one per column, remarks after a dash. */
  public String asText() {
    StringBuilder text = new StringBuilder();
    for (Table table : tables) {
      text.append('"').append(table.schema()).append("\".\"").append(table.name()).append('"')
          .append(remark(table.remarks())).append('\n');
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
