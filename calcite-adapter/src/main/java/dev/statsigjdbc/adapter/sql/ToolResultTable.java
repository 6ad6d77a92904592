package dev.statsigjdbc.adapter.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.catalog.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The records of one tool answer (its {@code data} array, or its {@code data} object as one row):
 * one column per scalar field, typed from the values, plus {@code json} with the whole record.
 */
public final class ToolResultTable extends AbstractTable implements TranslatableTable {

  private record Column(String field, String name, ColumnType type) {}

  private final String description;
  private final List<JsonNode> records;
  private final List<Column> columns;

  private ToolResultTable(String description, List<JsonNode> records, List<Column> columns) {
    this.description = description;
    this.records = records;
    this.columns = columns;
  }

  /** @param description the call, as shown by EXPLAIN */
  static ToolResultTable of(String description, JsonNode body) {
    JsonNode data = body.has("data") ? body.get("data") : body;
    List<JsonNode> records = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(records::add);
    } else {
      records.add(data);
    }
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (JsonNode record : records) {
      record.fields().forEachRemaining(field -> {
        JsonNode value = field.getValue();
        if (value.isValueNode() && !value.isNull()) {
          types.merge(field.getKey(), typeOf(value), (a, b) -> a == b ? a : widen(a, b));
        }
      });
    }
    List<Column> columns = new ArrayList<>();
    types.forEach((field, type) -> columns.add(new Column(field, SnakeCase.of(field), type)));
    columns.add(new Column(null, "json", ColumnType.JSON));
    return new ToolResultTable(description, records, columns);
  }

  private static ColumnType typeOf(JsonNode value) {
    if (value.isIntegralNumber()) {
      return ColumnType.BIGINT;
    }
    if (value.isNumber()) {
      return ColumnType.DOUBLE;
    }
    return value.isBoolean() ? ColumnType.BOOLEAN : ColumnType.VARCHAR;
  }

  private static ColumnType widen(ColumnType a, ColumnType b) {
    boolean numeric = (a == ColumnType.BIGINT || a == ColumnType.DOUBLE) && (b == ColumnType.BIGINT || b == ColumnType.DOUBLE);
    return numeric ? ColumnType.DOUBLE : ColumnType.VARCHAR;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : columns) {
      builder.add(column.name(), typeFactory.createTypeWithNullability(typeFactory.createSqlType(column.type().sqlType()), true));
    }
    return builder.uniquify().build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new ToolResultScan(context.getCluster(), relOptTable, this);
  }

  String description() {
    return description;
  }

  /** Called by the generated code of {@link ToolResultScan}. */
  public Enumerable<Object[]> rows() {
    return Linq4j.asEnumerable(records).select(this::row);
  }

  private Object[] row(JsonNode record) {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      row[i] = column.type().convert(column.field() == null ? record : record.get(column.field()));
    }
    return row;
  }
}
