package dev.statsigjdbc.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.api.ApiCall;
import dev.statsigjdbc.emulator.api.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns a tool's {@code params} argument into the Console API call it stands for. */
public final class ToolRequest {
  private ToolRequest() {}

  /**
   * @throws ApiException 400 naming the unknown keys (and the keys the tool takes) or the missing
   *     required parameter
   */
  public static ApiCall toApiCall(ToolDefinition tool, JsonNode params) {
    if (params != null && !params.isNull() && !params.isObject()) {
      throw badRequest(tool, "params must be an object");
    }
    Map<String, ToolDefinition.Parameter> byKey = tool.parameters().stream()
        .collect(Collectors.toMap(ToolDefinition.Parameter::key, p -> p));
    Map<String, String> pathParams = new HashMap<>();
    Map<String, JsonNode> queryParams = new HashMap<>();
    JsonNode body = null;
    TreeSet<String> unknown = new TreeSet<>();
    if (params != null && params.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        ToolDefinition.Parameter parameter = byKey.get(field.getKey());
        if (parameter == null && tool.takesBody() && field.getKey().equals(ToolDefinition.BODY_KEY)) {
          body = field.getValue();
        } else if (parameter == null) {
          unknown.add(field.getKey());
        } else if (parameter.inPath()) {
          if (!field.getValue().isValueNode() || field.getValue().asText().isEmpty()) {
            throw badRequest(tool, field.getKey() + " must be a non-empty string");
          }
          pathParams.put(parameter.name(), field.getValue().asText());
        } else {
          queryParams.put(parameter.name(), field.getValue());
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw badRequest(tool, "unknown key(s) " + unknown + " in params; " + tool.name() + " takes " + acceptedKeys(tool));
    }
    for (ToolDefinition.Parameter p : tool.parameters()) {
      boolean given = p.inPath() ? pathParams.containsKey(p.name()) : queryParams.containsKey(p.name());
      if (p.required() && !given) {
        throw badRequest(tool, "missing required parameter params." + p.key());
      }
    }
    return new ApiCall(tool.method(), tool.pathTemplate(), pathParams, queryParams, body);
  }

  private static String acceptedKeys(ToolDefinition tool) {
    List<String> keys = new ArrayList<>(tool.parameters().stream().map(ToolDefinition.Parameter::key).toList());
    if (tool.takesBody()) {
      keys.add(ToolDefinition.BODY_KEY);
    }
    return keys.isEmpty() ? "no params" : String.join(", ", keys);
  }

  private static ApiException badRequest(ToolDefinition tool, String message) {
    return new ApiException(400, "Invalid arguments for " + tool.name() + ": " + message);
  }
}
