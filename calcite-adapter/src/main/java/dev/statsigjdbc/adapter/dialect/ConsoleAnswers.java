package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.call.OperationCall;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.source.ToolResult;
import java.util.Map;

/**
 * What Statsig's two dialects share: operation arguments as the Console tools take them
 * ({@code path_<name>}, {@code query_<name>}, pages as {@code query_page}/{@code query_limit})
 * and answers that carry the Console API body.
 */
final class ConsoleAnswers {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** What EXPLAIN shows for the page number of a paged read. */
  static final String EVERY_PAGE = "1..";

  private ConsoleAnswers() {}

  /** {@code {"path_id": ..., "query_status": ..., "query_page": 2, "query_limit": 100}}. */
  static ObjectNode params(Operation operation, Map<String, JsonNode> arguments, OperationCall.PageRequest page) {
    ObjectNode params = params(operation, arguments);
    if (page != null) {
      params.put("query_page", page.number());
      params.put("query_limit", page.size());
    }
    return params;
  }

  /** The params of a described read: every page, of the given size. */
  static ObjectNode describedParams(Operation operation, Map<String, JsonNode> arguments, Integer pageSize) {
    ObjectNode params = params(operation, arguments);
    if (pageSize != null) {
      params.put("query_page", EVERY_PAGE);
      params.put("query_limit", pageSize);
    }
    return params;
  }

  private static ObjectNode params(Operation operation, Map<String, JsonNode> arguments) {
    ObjectNode params = JSON.objectNode();
    arguments.forEach((name, value) -> params.set((operation.isPathArgument(name) ? "path_" : "query_") + name, value));
    return params;
  }

  /** {@code {"params": params}}. */
  static ObjectNode wrapped(ObjectNode params) {
    ObjectNode arguments = JSON.objectNode();
    arguments.set("params", params);
    return arguments;
  }

  /** The Console API body of a successful answer: its structured content, else its text as JSON. */
  static JsonNode body(String tool, ToolResult result) {
    if (result.structuredContent() != null) {
      return result.structuredContent();
    }
    if (result.json() == null) {
      throw ToolCallException.transientFailure(tool, 0, "the tool returned text that is not JSON;"
          + " try again, and report it to the server's operator if it persists", null);
    }
    return result.json();
  }
}
