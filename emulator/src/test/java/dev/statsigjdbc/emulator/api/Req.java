package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.statsigjdbc.emulator.data.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an {@link ApiCall} the way the MCP layer would hand it over. */
final class Req {
  private final String method;
  private final String template;
  private final Map<String, String> path = new LinkedHashMap<>();
  private final Map<String, JsonNode> query = new LinkedHashMap<>();
  private JsonNode body;

  private Req(String method, String template) {
    this.method = method;
    this.template = template;
  }

  static Req get(String template) {
    return new Req("GET", template);
  }

  static Req of(String method, String template) {
    return new Req(method, template);
  }

  Req path(String name, String value) {
    path.put(name, value);
    return this;
  }

  Req query(String name, Object value) {
    query.put(name, Json.MAPPER.valueToTree(value));
    return this;
  }

  Req queryArray(String name, List<String> values) {
    ArrayNode a = Json.array();
    values.forEach(a::add);
    query.put(name, a);
    return this;
  }

  Req body(String json) {
    try {
      this.body = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
    return this;
  }

  ApiCall call() {
    return new ApiCall(method, template, path, query, body);
  }

  JsonNode on(ConsoleApi api) {
    return api.call(call());
  }
}
