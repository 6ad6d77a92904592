package dev.statsigjdbc.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.dialect.V1Dialect;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixture data behind a V3-shaped server: grouped reads whose {@code action} strings come in
 * three styles, {@code discover_tools} + {@code api_read} with expiring handles for the rest,
 * and the write tools V3 publishes. Each grouped action and discovered operation answers with the
 * V1 fixture tool of the same Console operation, so the rows must be the same as through V1.
 * Errors come as {@code {"status": n, "message": ...}}; answers optionally as structured content.
 */
public final class V3FixtureToolSource implements ToolSource {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public enum ActionNames { DEFAULT, ALTERNATE, SHUFFLED }

  /** One action: its three names, and the operation it reads (null for one no table reads). */
  private record Action(String operation, String summary, String plain, String alternate) {}

  private static final Map<String, List<Action>> GROUPED = new LinkedHashMap<>();

  static {
    GROUPED.put("experiment_read", List.of(
        new Action("GET /console/v1/experiments", null, "list", "list_experiments"),
        new Action("GET /console/v1/experiments/{id}", null, "get", "get_experiment_by_id"),
        new Action("GET /console/v1/experiments/{id}/pulse_results", null, "pulse_results", "get_overall_results"),
        new Action("GET /console/v1/experiments/{id}/cumulative_exposures", null, "cumulative_exposures", "get_exposure_timeseries"),
        new Action(null, "List Experiment Versions", "versions", "get_version_history"),
        new Action(null, "Retrieve Pulse Load History", "pulse_load_history", "get_pulse_loads")));
    GROUPED.put("gate_read", List.of(
        new Action("GET /console/v1/gates", null, "list", "list_gates"),
        new Action("GET /console/v1/gates/{id}", null, "get", "get_gate_by_id"),
        new Action("GET /console/v1/gates/{id}/rules", null, "rules", "get_gate_rules"),
        new Action("GET /console/v1/gates/{id}/rules/{ruleID}/pulse_results", null, "rule_pulse_results", "get_rule_results"),
        new Action(null, "List Gate Versions", "versions", "get_gate_history")));
    GROUPED.put("dynamic_config_read", List.of(
        new Action("GET /console/v1/dynamic_configs", null, "list", "list_dynamic_configs"),
        new Action("GET /console/v1/dynamic_configs/{id}", null, "get", "get_dynamic_config_by_id"),
        new Action(null, "List Dynamic Config Versions", "versions", "get_config_history")));
    GROUPED.put("metric_read", List.of(
        new Action("GET /console/v1/metrics/list", null, "list", "list_metrics"),
        new Action("GET /console/v1/metrics/{id}", null, "get", "get_metric_definition"),
        new Action("GET /console/v1/metrics", null, "value", "get_metric_value"),
        new Action(null, "List metric source", "sources", "list_metric_sources")));
    GROUPED.put("log_read", List.of(
        new Action("GET /console/v1/audit_logs", null, "list", "list_audit_logs")));
  }

  private final FixtureToolSource v1;
  private final Map<String, Operation> operations = new LinkedHashMap<>();
  private final Map<String, Map<String, Action>> actionsByTool = new LinkedHashMap<>();
  private final List<ToolDescriptor> tools = new ArrayList<>();
  private final List<FixtureToolSource.Call> log = Collections.synchronizedList(new ArrayList<>());
  private final boolean structured;
  private final AtomicInteger handleSerial = new AtomicInteger();
  private volatile long handleTtlMillis = 300_000;
  private final Map<String, Long> handleExpiry = new java.util.concurrent.ConcurrentHashMap<>();

  /** @param v1 the V1 fixture tools that answer for each operation */
  public V3FixtureToolSource(FixtureToolSource v1, ActionNames names, boolean structured) {
    this.v1 = v1;
    this.structured = structured;
    TableCatalog.load().operations().forEach(op -> operations.put(op.key(), op));
    int serial = 0;
    for (Map.Entry<String, List<Action>> tool : GROUPED.entrySet()) {
      // An operation the V1 fixtures cannot answer is not offered, so that both servers offer the same.
      List<Action> actions = new ArrayList<>(tool.getValue().stream()
          .filter(a -> a.operation() == null || v1Tool(operations.get(a.operation())) != null).toList());
      if (names == ActionNames.SHUFFLED) {
        Collections.reverse(actions);
      }
      Map<String, Action> byName = new LinkedHashMap<>();
      StringBuilder description = new StringBuilder("What to read. Actions:");
      ArrayNode values = JSON.arrayNode();
      for (Action action : actions) {
        String name = switch (names) {
          case DEFAULT -> action.plain();
          case ALTERNATE -> action.alternate();
          case SHUFFLED -> "op_" + Integer.toHexString(0x7f3a + 97 * serial++);
        };
        byName.put(name, action);
        values.add(name);
        description.append("\n- ").append(name).append(": ").append(summary(action));
      }
      actionsByTool.put(tool.getKey(), byName);
      ObjectNode schema = JSON.objectNode().put("type", "object");
      ObjectNode action = schema.putObject("properties").putObject("action").put("type", "string").put("description", description.toString());
      action.set("enum", values);
      ((ObjectNode) schema.get("properties")).putObject("arguments").put("type", "object");
      schema.putArray("required").add("action");
      tools.add(new ToolDescriptor(tool.getKey(), "Reads " + tool.getKey(), schema.toString(), null));
    }
    tools.add(new ToolDescriptor("discover_tools", "Finds Console API operations", "{\"type\":\"object\",\"properties\":"
        + "{\"action\":{\"type\":\"string\",\"enum\":[\"list\",\"get\",\"resolve\"]},\"operationId\":{\"type\":\"string\"},"
        + "\"query\":{\"type\":\"string\"}}}", null));
    tools.add(new ToolDescriptor("api_read", "Runs a read operation by handle", "{\"type\":\"object\"}", null));
    for (String write : List.of("api_write", "api_destructive", "gate_create", "experiment_update")) {
      tools.add(new ToolDescriptor(write, "Writes", "{\"type\":\"object\",\"properties\":{\"confirmation\":{\"type\":\"object\"}}}", null));
    }
  }

  /** Handles issued from now on expire after this long. */
  public void handleTtlMillis(long ttl) {
    handleTtlMillis = ttl;
  }

  /** Every handle issued so far stops being accepted (as after a server restart). */
  public void revokeHandles() {
    handleExpiry.replaceAll((handle, expiry) -> 0L);
  }

  @Override
  public List<ToolDescriptor> tools() {
    return List.copyOf(tools);
  }

  @Override
  public ToolResult call(String name, JsonNode arguments) {
    log.add(new FixtureToolSource.Call(name, arguments.deepCopy()));
    if (arguments.has("confirmation")) {
      throw new AssertionError("a read-only client sent a confirmation to " + name);
    }
    if (actionsByTool.containsKey(name)) {
      Action action = actionsByTool.get(name).get(arguments.path("action").asText());
      if (action == null || action.operation() == null) {
        return error(400, "unknown or unsupported action " + arguments.path("action"));
      }
      return answer(action.operation(), arguments.path("arguments"));
    }
    return switch (name) {
      case "discover_tools" -> discover(arguments);
      case "api_read" -> apiRead(arguments);
      default -> error(403, "this key may not call " + name);
    };
  }

  private ToolResult discover(JsonNode arguments) {
    ObjectNode answer = JSON.objectNode();
    ArrayNode found = answer.putArray("operations");
    switch (arguments.path("action").asText()) {
      case "list" -> operations.values().forEach(op -> found.add(described(op, false)));
      case "get" -> operations.values().stream().filter(op -> operationId(op).equals(arguments.path("operationId").asText()))
          .forEach(op -> found.add(described(op, true)));
      case "resolve" -> operations.values().stream().filter(op -> op.summary().equalsIgnoreCase(arguments.path("query").asText()))
          .forEach(op -> found.add(described(op, true)));
      default -> {
        return error(400, "unknown action");
      }
    }
    return success(answer);
  }

  private ObjectNode described(Operation op, boolean withHandle) {
    ObjectNode described = JSON.objectNode().put("operationId", operationId(op)).put("summary", op.summary())
        .put("method", op.method()).put("path", op.path()).put("category", "console").put("lane", "read");
    if (withHandle) {
      String handle = "h" + handleSerial.incrementAndGet() + ":" + op.key();
      long expires = System.currentTimeMillis() + handleTtlMillis;
      handleExpiry.put(handle, expires);
      described.putObject("executeWith").put("tool", "api_read").put("operationHandle", handle);
      described.put("expiresAt", expires);
    }
    return described;
  }

  private ToolResult apiRead(JsonNode arguments) {
    String handle = arguments.path("operationHandle").asText();
    Long expiry = handleExpiry.get(handle);
    if (expiry == null || expiry < System.currentTimeMillis()) {
      return error(401, "operation handle expired or invalid; call discover_tools again");
    }
    return answer(handle.substring(handle.indexOf(':') + 1), arguments.path("arguments"));
  }

  /** The V1 fixture's answer for the operation, re-shaped as V3 answers. */
  private ToolResult answer(String operation, JsonNode arguments) {
    String tool = v1Tool(operations.get(operation));
    if (tool == null) {
      return error(404, "no such operation in the fixtures: " + operation);
    }
    ToolResult v1Result = v1.call(tool, arguments);
    if (v1Result.isError()) {
      String text = v1Result.text();
      return error(Integer.parseInt(text.substring(text.indexOf('(') + 1, text.indexOf(')'))), text);
    }
    return success(v1Result.json());
  }

  private String v1Tool(Operation operation) {
    return V1Dialect.toolNames(operation).stream()
        .filter(t -> v1.tools().stream().anyMatch(d -> d.name().equals(t))).findFirst().orElse(null);
  }

  private ToolResult success(JsonNode body) {
    return structured ? ToolResult.of("Done: see the structured content.", false, body, List.of()) : ToolResult.success(body.toString());
  }

  private static ToolResult error(int status, String message) {
    return ToolResult.error(JSON.objectNode().put("status", status).put("message", message).toString());
  }

  private static String operationId(Operation op) {
    return op.method().toLowerCase() + op.path().replaceAll("[^A-Za-z]+", "_");
  }

  private String summary(Action action) {
    return action.operation() == null ? action.summary() : operations.get(action.operation()).summary();
  }

  public List<FixtureToolSource.Call> calls() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  public List<FixtureToolSource.Call> calls(String tool) {
    return calls().stream().filter(c -> c.tool().equals(tool)).toList();
  }
}
