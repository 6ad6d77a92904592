package dev.statsigjdbc.driver.jdbc;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Result types as PostgreSQL and the BI tools built on it give them: the average of integers
 * keeps its fraction (DOUBLE, not the integer the SQL standard allows), and CASE or UNION over
 * strings of different lengths is VARCHAR (not CHAR padded with blanks). Public with
 * {@link #INSTANCE}: Calcite's {@code typeSystem} connection property names it.
 */
public final class AnalystTypeSystem extends RelDataTypeSystemImpl {
  public static final AnalystTypeSystem INSTANCE = new AnalystTypeSystem();

  private AnalystTypeSystem() {}

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getScale() <= 0) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
          argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
