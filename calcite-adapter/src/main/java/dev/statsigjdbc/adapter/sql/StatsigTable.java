package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.catalog.ColumnSpec;
import dev.statsigjdbc.adapter.exec.BoundTable;
import dev.statsigjdbc.adapter.exec.PlanRunner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A curated table: its row type comes from the catalog; scans become {@link StatsigTableScan}. */
public final class StatsigTable extends AbstractTable implements TranslatableTable {

  private final BoundTable bound;
  private final PlanRunner runner;

  public StatsigTable(BoundTable bound, PlanRunner runner) {
    this.bound = bound;
    this.runner = runner;
  }

  BoundTable bound() {
    return bound;
  }

  PlanRunner runner() {
    return runner;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnSpec column : bound.spec().columns()) {
      builder.add(column.name(), typeFactory.createTypeWithNullability(typeFactory.createSqlType(column.type().sqlType()), true));
    }
    return builder.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new StatsigTableScan(context.getCluster(), relOptTable, this, ScanRequest.NONE);
  }
}
