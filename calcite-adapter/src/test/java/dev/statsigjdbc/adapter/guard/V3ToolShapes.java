package dev.statsigjdbc.adapter.guard;

import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.List;

/** Tools shaped as Statsig's V3 server publishes them (../shared/statsig/V3.md), for guard tests. */
final class V3ToolShapes {
  private V3ToolShapes() {}

  static final String CONFIRMATION_PROPERTY =
      "\"confirmation\":{\"type\":\"object\",\"properties\":{\"acknowledged\":{\"type\":\"boolean\"},\"reason\":{\"type\":\"string\"}}}";

  /** A grouped read: {@code action} from an enum, {@code arguments.params} as V1's. */
  static ToolDescriptor groupedRead(String name, String... actions) {
    String values = String.join(",", List.of(actions).stream().map(a -> "\"" + a + "\"").toList());
    return new ToolDescriptor(name, "Reads", "{\"type\":\"object\",\"properties\":{\"action\":{\"type\":\"string\",\"enum\":["
        + values + "]},\"arguments\":{\"type\":\"object\",\"properties\":{\"params\":{\"type\":\"object\"}}}},"
        + "\"required\":[\"action\"]}", ToolAnnotations.NONE);
  }

  /** A grouped tool whose actions are oneOf branches with descriptions. */
  static ToolDescriptor groupedWithDescriptions(String name, String[][] actionsAndDescriptions) {
    StringBuilder branches = new StringBuilder();
    for (String[] action : actionsAndDescriptions) {
      if (branches.length() > 0) {
        branches.append(',');
      }
      branches.append("{\"const\":\"").append(action[0]).append("\",\"description\":\"").append(action[1]).append("\"}");
    }
    return new ToolDescriptor(name, "Grouped", "{\"type\":\"object\",\"properties\":{\"action\":{\"oneOf\":[" + branches
        + "]},\"arguments\":{\"type\":\"object\"}}}", ToolAnnotations.NONE);
  }

  static ToolDescriptor lane(String name, boolean confirmation) {
    return new ToolDescriptor(name, "Runs an operation", "{\"type\":\"object\",\"properties\":{\"operationHandle\":{\"type\":\"string\"},"
        + "\"arguments\":{\"type\":\"object\"}" + (confirmation ? "," + CONFIRMATION_PROPERTY : "") + "}}", ToolAnnotations.NONE);
  }

  static ToolDescriptor update(String name) {
    return new ToolDescriptor(name, "Updates", "{\"type\":\"object\",\"properties\":{\"arguments\":{\"type\":\"object\"},"
        + CONFIRMATION_PROPERTY + "},\"required\":[\"confirmation\"]}", ToolAnnotations.NONE);
  }

  static ToolDescriptor discoverTools() {
    return new ToolDescriptor("discover_tools", "Finds operations", "{\"type\":\"object\",\"properties\":{\"action\":{\"type\":\"string\","
        + "\"enum\":[\"resolve\",\"list\",\"get\"]},\"query\":{\"type\":\"string\"},\"operationId\":{\"type\":\"string\"},"
        + "\"lane\":{\"type\":\"string\"}}}", ToolAnnotations.NONE);
  }

  /** The default V3 tools, reads and writes. */
  static List<ToolDescriptor> defaults() {
    return List.of(
        new ToolDescriptor("get_context", "Context", "{\"type\":\"object\",\"properties\":{\"scope\":{\"type\":\"string\"}}}", ToolAnnotations.NONE),
        ToolDescriptor.of("search", "Search"), ToolDescriptor.of("fetch", "Fetch"),
        groupedRead("experiment_read", "list", "get", "pulse_results", "history"),
        groupedRead("gate_read", "list", "get", "rule_results"),
        groupedRead("dynamic_config_read", "list", "get"),
        groupedRead("metric_read", "list", "get", "values"),
        groupedRead("log_read", "audit_logs", "logs_explorer"),
        ToolDescriptor.of("gate_create", "Creates"), ToolDescriptor.of("experiment_create", "Creates"),
        ToolDescriptor.of("dynamic_config_create", "Creates"),
        update("gate_update"), update("experiment_update"), update("dynamic_config_update"),
        discoverTools(), lane("api_read", false), lane("api_write", true), lane("api_destructive", true));
  }
}
