package dev.statsigjdbc.emulator.mcp.v3;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.mcp.ToolDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published input schemas of the V3 tools, built from the V1 tools' {@code params} schemas. */
final class V3Schemas {
  static final String ACTION = "action";
  static final String ARGUMENTS = "arguments";
  static final String PARAMS = "params";
  static final String CONFIRMATION = "confirmation";
  static final String OPERATION_HANDLE = "operationHandle";
  static final List<String> DISCOVERY_ACTIONS = List.of("list", "get", "resolve");
  static final List<String> CONTEXT_SCOPES = List.of("session", "project", "all");
  static final List<String> CONTEXT_FIELDS = List.of(
      "organization", "project", "environment", "permissions", "reviewSettings", "accessibleProducts");

  private final ObjectMapper mapper;

  V3Schemas(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * {@code {action: enum, arguments: {params}}}: the action's description has one line per action,
   * {@code - <action>: <summary>}; {@code params} holds every key of the actions' V1 params, each
   * saying which actions take it.
   */
  Map<String, Object> groupedRead(Map<String, V3Catalog.Action> actions) {
    ObjectNode schema = object();
    ObjectNode properties = schema.putObject("properties");
    ObjectNode action = properties.putObject(ACTION).put("type", "string");
    actions.keySet().forEach(action.putArray("enum")::add);
    StringBuilder lines = new StringBuilder("The read to run:");
    actions.forEach((name, a) -> lines.append("\n- ").append(name).append(": ").append(a.operation().summary()));
    action.put("description", lines.toString());
    ObjectNode params = object();
    ObjectNode paramProperties = params.putObject("properties");
    Map<String, List<String>> takers = new LinkedHashMap<>();
    actions.forEach((name, a) -> paramsOf(a.operation()).path("properties").fields().forEachRemaining(p -> {
      if (!paramProperties.has(p.getKey())) {
        paramProperties.set(p.getKey(), p.getValue().deepCopy());
      }
      takers.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(name);
    }));
    takers.forEach((key, names) -> {
      ObjectNode property = (ObjectNode) paramProperties.get(key);
      String said = property.path("description").asText("");
      property.put("description", (said.isBlank() ? "" : said + " ") + "(actions: " + String.join(", ", names) + ")");
    });
    params.put("description", "The Console API parameters of the action: path_* and query_* keys");
    properties.putObject(ARGUMENTS).put("type", "object").putObject("properties").set(PARAMS, params);
    schema.putArray("required").add(ACTION);
    return toMap(schema);
  }

  /** {@code {params: {"application/json": body}, confirmation}}. */
  Map<String, Object> create(ToolDefinition operation) {
    return confirmed(PARAMS, paramsOf(operation));
  }

  /** {@code {arguments: {params}, confirmation}}. */
  Map<String, Object> update(ToolDefinition operation) {
    return confirmed(ARGUMENTS, arguments(operation));
  }

  /** A write tool's schema: its one argument and a confirmation, both required. */
  private Map<String, Object> confirmed(String argument, JsonNode schemaOfArgument) {
    ObjectNode schema = object();
    ObjectNode properties = schema.putObject("properties");
    properties.set(argument, schemaOfArgument);
    properties.set(CONFIRMATION, confirmation());
    schema.putArray("required").add(argument).add(CONFIRMATION);
    return toMap(schema);
  }

  Map<String, Object> discoverTools(Collection<String> categories) {
    ObjectNode schema = object();
    ObjectNode properties = schema.putObject("properties");
    ObjectNode action = properties.putObject(ACTION).put("type", "string").put("description",
        "list: every operation (no handles); get: one operation by operationId, with a handle;"
            + " resolve: the operations that best match a plain-language query, with handles");
    DISCOVERY_ACTIONS.forEach(action.putArray("enum")::add);
    properties.putObject("operationId").put("type", "string").put("description", "For get: the operation's id");
    properties.putObject("query").put("type", "string").put("description", "For resolve: what you want to do");
    properties.putObject("operationAction").put("type", "string")
        .put("description", "For resolve: the verb to match (list, get, create, update, delete, ...)");
    ObjectNode category = properties.putObject("category").put("type", "string");
    categories.forEach(category.putArray("enum")::add);
    ObjectNode lane = properties.putObject("lane").put("type", "string");
    for (Lane l : Lane.values()) {
      lane.withArray("enum").add(l.label());
    }
    schema.putArray("required").add(ACTION);
    return toMap(schema);
  }

  /** {@code api_read} (no confirmation) or {@code api_write}/{@code api_destructive} (with one). */
  Map<String, Object> execute(Lane lane) {
    ObjectNode schema = object();
    ObjectNode properties = schema.putObject("properties");
    properties.putObject(OPERATION_HANDLE).put("type", "string")
        .put("description", "executeWith.operationHandle from discover_tools get or resolve");
    properties.putObject(ARGUMENTS).put("type", "object")
        .put("description", "The operation's arguments: {params: {...}} as its inputSchema says");
    ArrayNode required = schema.putArray("required").add(OPERATION_HANDLE);
    if (lane != Lane.READ) {
      properties.set(CONFIRMATION, confirmation());
      required.add(CONFIRMATION);
    }
    return toMap(schema);
  }

  Map<String, Object> getContext() {
    ObjectNode schema = object();
    ObjectNode properties = schema.putObject("properties");
    ObjectNode scope = properties.putObject("scope").put("type", "string").put("description", "Default session");
    CONTEXT_SCOPES.forEach(scope.putArray("enum")::add);
    ObjectNode fields = properties.putObject("fields").put("type", "array");
    ObjectNode item = fields.putObject("items").put("type", "string");
    CONTEXT_FIELDS.forEach(item.putArray("enum")::add);
    properties.putObject("limit").put("type", "integer").put("minimum", 1);
    return toMap(schema);
  }

  /** One required string argument ({@code search {query}}, {@code fetch {id}}). */
  Map<String, Object> oneString(String name, String description) {
    ObjectNode schema = object();
    schema.putObject("properties").putObject(name).put("type", "string").put("description", description);
    schema.putArray("required").add(name);
    return toMap(schema);
  }

  /** What {@code arguments} holds for an operation: the V1 tool's whole input schema, {@code {params}}. */
  ObjectNode arguments(ToolDefinition operation) {
    return mapper.valueToTree(operation.inputSchema());
  }

  private JsonNode paramsOf(ToolDefinition operation) {
    return arguments(operation).path("properties").path(PARAMS);
  }

  private ObjectNode confirmation() {
    ObjectNode confirmation = object().put("description",
        "This tool changes Statsig: acknowledge it, and say why");
    ObjectNode properties = confirmation.putObject("properties");
    properties.putObject("acknowledged").put("type", "boolean").put("const", true);
    properties.putObject("reason").put("type", "string");
    confirmation.putArray("required").add("acknowledged").add("reason");
    return confirmation;
  }

  private ObjectNode object() {
    return mapper.createObjectNode().put("type", "object");
  }

  private Map<String, Object> toMap(ObjectNode node) {
    return mapper.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
  }
}
