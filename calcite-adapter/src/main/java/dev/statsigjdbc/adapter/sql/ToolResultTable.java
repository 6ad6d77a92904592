package dev.statsigjdbc.adapter.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.catalog.ColumnType;
import dev.statsigjdbc.adapter.source.ToolContent;
import dev.statsigjdbc.adapter.source.ToolResult;
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
 * The records of one tool answer: one column per scalar field, typed from the values, plus
 * {@code json} with the whole record. The records are the answer's JSON (its structured content
 * when there is one, else its text when that is a JSON object or array): the {@code data} array
 * (or object, as one row), else an object's only array ({@code results}, {@code items}), else
 * the JSON itself. Any other answer (plain text, images,
 * resource links) gives one row per content item: {@code type}, {@code text}, and for the others
 * {@code mime_type}, {@code uri}, {@code name}, {@code size}.
 */
public final class ToolResultTable extends AbstractTable implements TranslatableTable {

  private record Column(String field, String name, ColumnType type) {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final String description;
  private final List<JsonNode> records;
  private final List<Column> columns;

  private ToolResultTable(String description, List<JsonNode> records, List<Column> columns) {
    this.description = description;
    this.records = records;
    this.columns = columns;
  }

  /** @param description the call, as shown by EXPLAIN */
  static ToolResultTable of(String description, ToolResult result) {
    JsonNode json = result.structuredContent() != null ? result.structuredContent() : result.json();
    List<JsonNode> records = json != null && json.isContainerNode() ? records(json) : contentRecords(result);
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

  private static List<JsonNode> records(JsonNode json) {
    JsonNode data = json.isObject() ? recordsOf(json) : json;
    List<JsonNode> records = new ArrayList<>();
    if (data.isArray()) {
      data.forEach(item -> records.add(item.isObject() ? item : JSON.objectNode().set("value", item)));
    } else {
      records.add(data.isObject() ? data : JSON.objectNode().set("value", data));
    }
    return records;
  }

  /** An object's {@code data}, else its only array ({@code {"results": [...]}}), else the object itself. */
  private static JsonNode recordsOf(JsonNode object) {
    if (object.has("data")) {
      return object.get("data");
    }
    List<JsonNode> arrays = new ArrayList<>();
    object.elements().forEachRemaining(value -> {
      if (value.isArray()) {
        arrays.add(value);
      }
    });
    return arrays.size() == 1 ? arrays.get(0) : object;
  }

  private static List<JsonNode> contentRecords(ToolResult result) {
    List<JsonNode> records = new ArrayList<>();
    if (result.text() != null && !result.text().isEmpty()) {
      records.add(JSON.objectNode().put("type", "text").put("text", result.text()));
    }
    for (ToolContent content : result.otherContent()) {
      ObjectNode record = JSON.objectNode().put("type", content.type()).put("mimeType", content.mimeType())
          .put("uri", content.uri()).put("name", content.name());
      records.add(content.size() == null ? record.putNull("size") : record.put("size", content.size()));
    }
    return records;
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
