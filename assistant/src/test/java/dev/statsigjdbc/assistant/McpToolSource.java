package dev.statsigjdbc.assistant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import dev.statsigjdbc.driver.mcp.McpSession;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stop-gap until the jdbc branch lands its driver: the adapter's ToolSource over the driver's
 * MCP session, so tests can mount the adapter over the emulator themselves.
 */
final class McpToolSource implements ToolSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final McpSession session;

  McpToolSource(McpSession session) {
    this.session = session;
  }

  @Override
  public List<ToolDescriptor> tools() {
    return session.tools().stream().map(McpToolSource::descriptor).toList();
  }

  @Override
  public ToolResult call(String name, JsonNode arguments) {
    Map<String, Object> args = JSON.convertValue(arguments, new TypeReference<Map<String, Object>>() {});
    McpSchema.CallToolResult result = session.call(name, args);
    String text = result.content().stream()
        .filter(McpSchema.TextContent.class::isInstance)
        .map(c -> ((McpSchema.TextContent) c).text())
        .collect(Collectors.joining());
    return Boolean.TRUE.equals(result.isError()) ? ToolResult.error(text) : ToolResult.success(text);
  }

  private static ToolDescriptor descriptor(McpSchema.Tool tool) {
    McpSchema.ToolAnnotations a = tool.annotations();
    ToolAnnotations annotations = a == null ? ToolAnnotations.NONE
        : new ToolAnnotations(a.readOnlyHint(), a.destructiveHint(), a.idempotentHint(), a.openWorldHint());
    return new ToolDescriptor(tool.name(), tool.description(), null, annotations);
  }
}
