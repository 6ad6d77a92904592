package dev.statsigjdbc.driver.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.driver.mcp.McpSession;
import dev.statsigjdbc.driver.mcp.McpSessionException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The adapter's {@link ToolSource} over a live MCP session. Each call is bounded by the
 * session's request timeout; session failures surface as {@code McpSessionException}. Counts
 * the calls it sends (see {@link StatsigConnection#toolCalls()}).
 */
final class McpToolSource implements ToolSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /** The argument the adapter's pager adds to each page of a paged list call. */
  private static final String PAGE_ARGUMENT = "query_page";

  private final McpSession session;
  private final LongAdder calls = new LongAdder();
  private final LongAdder pages = new LongAdder();

  McpToolSource(McpSession session) {
    this.session = session;
  }

  ToolCalls toolCalls() {
    return new ToolCalls(calls.sum(), pages.sum());
  }

  @Override
  public List<ToolDescriptor> tools() {
    return session.tools().stream().map(McpToolSource::descriptor).toList();
  }

  @Override
  public ToolResult call(String name, JsonNode arguments) {
    Map<String, Object> args = arguments == null || arguments.isNull() ? Map.of() : JSON.convertValue(arguments, OBJECT);
    calls.increment();
    if (arguments != null && arguments.path("params").has(PAGE_ARGUMENT)) {
      pages.increment();
    }
    McpSchema.CallToolResult result;
    try {
      result = session.call(name, args);
    } catch (McpSessionException e) {
      if (e.kind() == McpSessionException.Kind.TRANSIENT) {
        // The call layer retries these while no row has been returned yet.
        throw ToolCallException.transientFailure(name, e.status(), e.getMessage(), e);
      }
      throw e;
    }
    String text = text(result);
    // isError is often absent: absent means success.
    return Boolean.TRUE.equals(result.isError()) ? ToolResult.error(text) : ToolResult.success(text);
  }

  private static String text(McpSchema.CallToolResult result) {
    if (result.content() == null) {
      return "";
    }
    return result.content().stream()
        .filter(McpSchema.TextContent.class::isInstance)
        .map(c -> ((McpSchema.TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }

  private static ToolDescriptor descriptor(McpSchema.Tool tool) {
    McpSchema.ToolAnnotations a = tool.annotations();
    ToolAnnotations annotations = a == null ? ToolAnnotations.NONE
        : new ToolAnnotations(a.readOnlyHint(), a.destructiveHint(), a.idempotentHint(), a.openWorldHint());
    return new ToolDescriptor(tool.name(), tool.description(), schemaText(tool.inputSchema()), annotations);
  }

  private static String schemaText(Map<String, Object> inputSchema) {
    if (inputSchema == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(inputSchema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a tool's input schema", e);
    }
  }
}
