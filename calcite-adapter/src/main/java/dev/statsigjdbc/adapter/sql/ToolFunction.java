package dev.statsigjdbc.adapter.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.call.CallContext;
import dev.statsigjdbc.adapter.call.CallLayer;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.guard.ToolCatalog;
import dev.statsigjdbc.adapter.guard.ToolVerdict;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code TABLE(statsig.tool('<tool>', '<arguments as JSON>'))}: any exposed read tool of any MCP
 * server as a table. The call is made while planning, because the columns come from the answer.
 * The call layer's guard refuses blocked tools. A rejected call shows the tool's input schema.
 */
public final class ToolFunction implements TableMacro {

  public static final String NAME = "tool";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final CallLayer calls;
  private final ToolCatalog tools;

  public ToolFunction(CallLayer calls, ToolCatalog tools) {
    this.calls = calls;
    this.tools = tools;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of(parameter(0, "tool_name"), parameter(1, "arguments_json"));
  }

  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    String tool = (String) arguments.get(0);
    if (tool == null || tool.isBlank()) {
      throw new IllegalArgumentException("statsig.tool needs a tool name, e.g. statsig.tool('<tool>', '{}');"
          + " SELECT name, input_schema FROM statsig_tools WHERE exposed lists them");
    }
    Object json = arguments.size() > 1 ? arguments.get(1) : null;
    JsonNode args = parse(tool, json == null ? "{}" : json.toString());
    try {
      return ToolResultTable.of(tool + args, calls.call(tool, args, CallContext.unbounded()));
    } catch (ToolCallException rejected) {
      boolean serverTrouble = rejected.status() == 429 || rejected.status() >= 500;
      throw serverTrouble ? rejected : new IllegalArgumentException(rejected.getMessage() + schemaHint(tool), rejected);
    }
  }

  private JsonNode parse(String tool, String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("not an object");
      }
      return node;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("The arguments of statsig.tool('" + tool
          + "', ...) must be a JSON object that fits the tool's input schema." + schemaHint(tool), e);
    }
  }

  /** The tool's input schema, for a caller whose arguments did not fit. */
  private String schemaHint(String tool) {
    String schema = tools.verdict(tool).map(ToolVerdict::tool).map(t -> t.inputSchema()).orElse(null);
    return schema == null ? "" : " The tool's input schema: " + schema;
  }

  private static FunctionParameter parameter(int ordinal, String name) {
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return ordinal;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        // A Java String type, as Calcite's reflective functions use: literals then arrive as String.
        return typeFactory instanceof JavaTypeFactory java
            ? java.createJavaType(String.class)
            : typeFactory.createSqlType(SqlTypeName.VARCHAR);
      }

      @Override
      public boolean isOptional() {
        return ordinal > 0;
      }
    };
  }
}
