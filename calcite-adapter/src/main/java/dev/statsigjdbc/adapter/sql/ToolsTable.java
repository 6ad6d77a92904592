package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.guard.ToolCatalog;
import dev.statsigjdbc.adapter.guard.ToolVerdict;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code statsig_tools}: every tool the server listed, exposed or blocked, with the reason; a
 * grouped tool also has one row per action ({@code action} is null on the tool's own row).
 */
public final class ToolsTable extends AbstractTable implements ScannableTable {

  public static final String NAME = "statsig_tools";

  private final ToolCatalog catalog;

  public ToolsTable(ToolCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataType text = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
    return typeFactory.builder()
        .add("name", SqlTypeName.VARCHAR)
        .add("action", text)
        .add("exposed", SqlTypeName.BOOLEAN)
        .add("reason", SqlTypeName.VARCHAR)
        .add("description", text)
        .add("input_schema", text)
        .build();
  }

  /** Describes the server, not Statsig data: tools such as DBeaver list it apart from the data tables. */
  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(catalog.verdicts()).select(ToolsTable::row);
  }

  private static Object[] row(ToolVerdict verdict) {
    return new Object[] {
      verdict.name(), verdict.action(), verdict.exposed(), verdict.reason(), verdict.tool().description(), verdict.tool().inputSchema()
    };
  }
}
