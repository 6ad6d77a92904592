package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.StatsigSchemaFactory;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/**
 * REMARKS for {@code getTables} and {@code getColumns}, taken from the adapter's table catalog
 * (Calcite reports none); attached databases' tables get none. Avatica reads metadata rows by public field name, so the row classes
 * below declare their own {@code remarks} field, which hides the always-null inherited one.
 */
final class CatalogRemarks {
  private final Map<String, TableSpec> specs = TableCatalog.load().tables().stream()
      .collect(Collectors.toMap(TableSpec::name, Function.identity()));

  /** A table row with remarks. */
  public static final class RemarkedTable extends CalciteMetaImpl.CalciteMetaTable {
    public final String remarks;

    RemarkedTable(Table table, String catalog, String schema, String name, String remarks) {
      super(table, catalog, schema, name);
      this.remarks = remarks;
    }
  }

  /** A column row with remarks. */
  public static final class RemarkedColumn extends MetaImpl.MetaColumn {
    public final String remarks;

    RemarkedColumn(String catalog, String schema, String table, String column, int dataType, String typeName,
        Integer columnSize, Integer decimalDigits, int radix, int nullable, Integer charOctetLength, int position,
        String isNullable, String remarks) {
      super(catalog, schema, table, column, dataType, typeName, columnSize, decimalDigits, radix, nullable,
          charOctetLength, position, isNullable);
      this.remarks = remarks;
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
    };
  }

  CalciteMetaColumnFactory columns() {
    return new CalciteMetaColumnFactory() {
      @Override
      public MetaImpl.MetaColumn createColumn(Table table, String catalog, String schema, String tableName,
          String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits, int radix,
          int nullable, Integer charOctetLength, int position, String isNullable) {
        return new RemarkedColumn(catalog, schema, tableName, columnName, dataType, typeName, columnSize,
            decimalDigits, radix, nullable, charOctetLength, position, isNullable,
            StatsigSchemaFactory.DEFAULT_SCHEMA_NAME.equals(schema) ? columnRemarks(tableName, columnName) : null);
      }

      @Override
      public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
        return RemarkedColumn.class;
      }
    };
  }

  private MetaImpl.MetaTable createTable(Table table, String catalog, String schema, String name) {
    TableSpec spec = StatsigSchemaFactory.DEFAULT_SCHEMA_NAME.equals(schema) ? specs.get(name) : null;
    return new RemarkedTable(table, catalog, schema, name, spec == null ? null : spec.remarks());
  }

  private String columnRemarks(String table, String column) {
    TableSpec spec = specs.get(table);
    if (spec == null) {
      return null;
    }
    int index = spec.columnIndex(column);
    return index < 0 ? null : spec.columns().get(index).remarks();
  }
}
