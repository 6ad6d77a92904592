package dev.statsigjdbc.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import dev.statsigjdbc.emulator.auth.Principal;
import dev.statsigjdbc.emulator.faults.Faults;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the published V1 tools: unpacks {@code params}, checks the caller may write, calls the
 * Console API and answers one text item with its JSON body, or an {@code API Error (...)} result.
 */
public final class ToolHandler {
  private static final String INVOKE_TOOL_NAME = "tool_name";
  private static final String PARAMS = "params";

  private final Map<String, ToolDefinition> published = new LinkedHashMap<>();
  private final ToolCalls calls;
  private final ToolCallStats stats;
  private final Faults faults;
  private final ObjectMapper mapper;

  public ToolHandler(List<ToolDefinition> published, ConsoleApi api, ToolCallStats stats, Faults faults,
      ObjectMapper mapper) {
    published.forEach(t -> this.published.put(t.name(), t));
    this.calls = new ToolCalls(api, faults, mapper);
    this.stats = stats;
    this.faults = faults;
    this.mapper = mapper;
  }

  /** One SDK tool specification per published tool. */
  public List<SyncToolSpecification> specifications() {
    return published.values().stream()
        .map(t -> SyncToolSpecification.builder()
            .tool(Tool.builder(t.name(), t.inputSchema())
                .description(t.description())
                .annotations(t.annotations())
                .build())
            .callHandler(this::call)
            .build())
        .toList();
  }

  private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request) {
    ToolDefinition tool = published.get(request.name());
    JsonNode arguments = mapper.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
    Principal caller = (Principal) exchange.transportContext().get(Principal.REQUEST_ATTRIBUTE);
    try {
      return serve(tool, arguments, caller);
    } finally {
      faults.afterToolCall();
    }
  }

  private CallToolResult serve(ToolDefinition tool, JsonNode arguments, Principal caller) {
    ToolDefinition target;
    try {
      target = tool.invoke() ? invokedTool(arguments) : tool;
    } catch (ApiException e) {
      stats.record(tool.name(), false);
      return error(e);
    }
    stats.record(tool.name(), target.write());
    try {
      JsonNode body = calls.run(tool.name(), target, arguments.get(PARAMS), caller);
      return CallToolResult.builder().addTextContent(calls.text(tool.name(), body)).isError(false).build();
    } catch (ApiException e) {
      return error(e);
    }
  }

  private ToolDefinition invokedTool(JsonNode arguments) {
    String name = arguments.path(INVOKE_TOOL_NAME).asText("");
    ToolDefinition target = published.get(name);
    if (target == null || target.invoke()) {
      throw new ApiException(400, "Invoke_Tool: tool_name '" + name
          + "' is not a tool this server publishes; call tools/list for the names");
    }
    return target;
  }

  private CallToolResult error(ApiException e) {
    ObjectNode body = mapper.createObjectNode().put("status", e.status()).put("message", e.getMessage());
    return CallToolResult.builder()
        .addTextContent("API Error (" + e.status() + "): " + body)
        .isError(true)
        .build();
  }
}
