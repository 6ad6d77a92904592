package dev.statsigjdbc.driver.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolContent;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.driver.mcp.McpSession;
import dev.statsigjdbc.driver.mcp.McpSessionException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The adapter's {@link ToolSource} over a live MCP session. Each call is bounded by the
 * session's request timeout; session failures surface as {@code McpSessionException}. Counts
 * the calls it sends (see {@link StatsigConnection#toolCalls()}); pages are counted by the
 * adapter, which alone knows which call fetched a page.
 */
final class McpToolSource implements ToolSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final McpSession session;
  private final LongAdder calls = new LongAdder();
  private volatile LongSupplier pages = () -> 0;

  McpToolSource(McpSession session) {
    this.session = session;
  }

  /** Where the count of fetched pages comes from (the schema mounted over this source). */
  void countPagesWith(LongSupplier pageCount) {
    this.pages = pageCount;
  }

  ToolCalls toolCalls() {
    return new ToolCalls(calls.sum(), pages.getAsLong());
  }

  @Override
  public List<ToolDescriptor> tools() {
    return session.tools().stream().map(McpToolSource::descriptor).toList();
  }

  @Override
  public ToolResult call(String name, JsonNode arguments) {
    Map<String, Object> args = arguments == null || arguments.isNull() ? Map.of() : JSON.convertValue(arguments, OBJECT);
    calls.increment();
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
    // isError is often absent: absent means success.
    return ToolResult.of(text(result), Boolean.TRUE.equals(result.isError()),
        result.structuredContent() == null ? null : JSON.valueToTree(result.structuredContent()), otherContent(result));
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

  /** Images, audio and resources, described: type, MIME type, URI, name and size, never the bytes. */
  private static List<ToolContent> otherContent(McpSchema.CallToolResult result) {
    List<ToolContent> described = new ArrayList<>();
    if (result.content() == null) {
      return described;
    }
    for (McpSchema.Content content : result.content()) {
      if (content instanceof McpSchema.ImageContent image) {
        described.add(new ToolContent(image.type(), image.mimeType(), null, null, decodedSize(image.data())));
      } else if (content instanceof McpSchema.AudioContent audio) {
        described.add(new ToolContent(audio.type(), audio.mimeType(), null, null, decodedSize(audio.data())));
      } else if (content instanceof McpSchema.ResourceLink link) {
        described.add(new ToolContent(link.type(), link.mimeType(), link.uri(), link.name(), link.size()));
      } else if (content instanceof McpSchema.EmbeddedResource embedded) {
        McpSchema.ResourceContents resource = embedded.resource();
        described.add(new ToolContent(embedded.type(), resource.mimeType(), resource.uri(), null, null));
      }
    }
    return described;
  }

  /** Bytes of base64 data. */
  private static Long decodedSize(String base64) {
    if (base64 == null) {
      return null;
    }
    int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return (long) base64.length() / 4 * 3 - padding;
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
