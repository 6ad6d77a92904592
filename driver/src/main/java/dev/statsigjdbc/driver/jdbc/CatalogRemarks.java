package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.StatsigSchemaFactory;
import dev.statsigjdbc.adapter.catalog.KeySpec;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/**
 * REMARKS for {@code getTables} and {@code getColumns}, taken from the adapter's table catalog
 * (Calcite reports none); attached databases' tables get none. Avatica reads metadata rows by public field name, so the row classes
 * below declare their own {@code remarks} field, which hides the always-null inherited one.
 *
 * <p>Both results also carry the key columns machine-readable for clients that cannot parse remarks
 * (Avatica's remote protocol has no {@code getPrimaryKeys}): after JDBC's columns, {@code getTables}
 * has {@value #EXAMPLE_QUERY} (a query that returns rows, with every required filter), and
 * {@code getColumns} has {@value #FILTER_OPERATORS} (what a WHERE clause may hand to the tools:
 * {@code =}, {@code IN}, {@code RANGE}, comma-separated; null for a column that is not a key),
 * {@value #IS_REQUIRED_FILTER} and {@value #IS_PRIMARY_KEY} ({@code YES} or {@code NO}).
 */
final class CatalogRemarks {
  static final String EXAMPLE_QUERY = "EXAMPLE_QUERY";
  static final String FILTER_OPERATORS = "FILTER_OPERATORS";
  static final String IS_REQUIRED_FILTER = "IS_REQUIRED_FILTER";
  static final String IS_PRIMARY_KEY = "IS_PRIMARY_KEY";

  private final Map<String, TableSpec> specs = TableCatalog.load().tables().stream()
      .collect(Collectors.toMap(TableSpec::name, Function.identity()));

  /** A table row with remarks. */
  public static final class RemarkedTable extends CalciteMetaImpl.CalciteMetaTable {
    public final String remarks;
    public final String exampleQuery;

    RemarkedTable(Table table, String catalog, String schema, String name, String remarks, String exampleQuery) {
      super(table, catalog, schema, name);
      this.remarks = remarks;
      this.exampleQuery = exampleQuery;
    }
  }

  /** A column row with remarks. */
  public static final class RemarkedColumn extends MetaImpl.MetaColumn {
    public final String remarks;
    public final String filterOperators;
    public final String isRequiredFilter;
    public final String isPrimaryKey;

    RemarkedColumn(String catalog, String schema, String table, String column, int dataType, String typeName,
        Integer columnSize, Integer decimalDigits, int radix, int nullable, Integer charOctetLength, int position,
        String isNullable, Optional<TableSpec> spec) {
      super(catalog, schema, table, column, dataType, typeName, columnSize, decimalDigits, radix, nullable,
          charOctetLength, position, isNullable);
      int index = spec.map(s -> s.columnIndex(column)).orElse(-1);
      this.remarks = index < 0 ? null : spec.get().columns().get(index).remarks();
      Optional<KeySpec> key = spec.flatMap(s -> s.key(column));
      this.filterOperators = key.map(k -> String.join(",", k.operators())).orElse(null);
      this.isRequiredFilter = yesNo(key.map(KeySpec::required).orElse(false));
      this.isPrimaryKey = yesNo(spec.map(s -> PrimaryKeys.isKey(s, column)).orElse(false));
    }

    private static String yesNo(boolean value) {
      return value ? "YES" : "NO";
    }
  }

  CalciteMetaTableFactory tables() {
    return new CalciteMetaTableFactory() {
      @Override
      public MetaImpl.MetaTable createTable(Table table, String catalog, String schema, String name) {
        return CatalogRemarks.this.createTable(table, catalog, schema, name);
      }

      @Override
      public Class<? extends MetaImpl.MetaTable> getMetaTableClass() {
        return RemarkedTable.class;
      }

      @Override
      public List<String> getColumnNames() {
        return append(CalciteMetaImpl.TABLE_COLUMNS, EXAMPLE_QUERY);
      }
    };
  }

  CalciteMetaColumnFactory columns() {
    return new CalciteMetaColumnFactory() {
      @Override
      public MetaImpl.MetaColumn createColumn(Table table, String catalog, String schema, String tableName,
          String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits, int radix,
          int nullable, Integer charOctetLength, int position, String isNullable) {
        return new RemarkedColumn(catalog, schema, tableName, columnName, dataType, typeName, columnSize,
            decimalDigits, radix, nullable, charOctetLength, position, isNullable, spec(schema, tableName));
      }

      @Override
      public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
        return RemarkedColumn.class;
      }

      @Override
      public List<String> getColumnNames() {
        return append(CalciteMetaImpl.COLUMN_COLUMNS, FILTER_OPERATORS, IS_REQUIRED_FILTER, IS_PRIMARY_KEY);
      }
    };
  }

  private MetaImpl.MetaTable createTable(Table table, String catalog, String schema, String name) {
    Optional<TableSpec> spec = spec(schema, name);
    return new RemarkedTable(table, catalog, schema, name, spec.map(TableSpec::remarks).orElse(null),
        spec.map(TableSpec::example).orElse(null));
  }

  /** The catalog's entry for a table of the Statsig schema; none for attached databases. */
  private Optional<TableSpec> spec(String schema, String table) {
    return StatsigSchemaFactory.DEFAULT_SCHEMA_NAME.equals(schema) ? Optional.ofNullable(specs.get(table))
        : Optional.empty();
  }

  private static List<String> append(List<String> jdbcColumns, String... more) {
    return Stream.concat(jdbcColumns.stream(), Arrays.stream(more)).toList();
  }
}
