package dev.statsigjdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The baseline: the MCP Java SDK's sync client over HTTP with the API key header, nothing else. */
final class RawMcp implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JacksonMcpJsonMapper MCP_JSON = new JacksonMcpJsonMapper(JSON);

  private final McpSyncClient client;
  private final McpSchema.InitializeResult initialized;

  private RawMcp(McpSyncClient client, McpSchema.InitializeResult initialized) {
    this.client = client;
    this.initialized = initialized;
  }

  /** Builds the client and runs {@code initialize} (no tools/list). */
  static RawMcp open(String mcpUrl) {
    URI uri = URI.create(mcpUrl);
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
        .builder(uri.getScheme() + "://" + uri.getAuthority())
        .endpoint(uri.getPath())
        .jsonMapper(MCP_JSON)
        .addHttpRequestCustomizer((request, method, u, body, context) ->
            request.header("statsig-api-key", BenchEnvironment.API_KEY))
        .build();
    McpSyncClient client = McpClient.sync(transport)
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(JSON))
        .requestTimeout(Duration.ofSeconds(30))
        .clientInfo(McpSchema.Implementation.builder("raw-bench", "0").build())
        .build();
    return new RawMcp(client, client.initialize());
  }

  int listTools() {
    return client.listTools().tools().size();
  }

  /** Calls a tool with {@code {"params": params}} and parses its text content as JSON. */
  JsonNode call(String tool, Map<String, Object> params) {
    McpSchema.CallToolResult result = client.callTool(
        McpSchema.CallToolRequest.builder(tool).arguments(Map.of("params", params)).build());
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException(tool + " failed: " + text);
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(tool + " returned text that is not JSON", e);
    }
  }

  /** The server's {@code initialize} result as JSON text (to replay it). */
  String initializeResultJson() {
    return text(initialized);
  }

  /** The server's {@code tools/list} result as JSON text (to replay it). */
  String toolsResultJson() {
    return text(client.listTools());
  }

  /** A {@code tools/call} ({@code {name, arguments}}) sent as is; its result as JSON text (to replay it). */
  String callResultJson(JsonNode request) {
    @SuppressWarnings("unchecked")
    Map<String, Object> arguments = JSON.convertValue(request.path("arguments"), Map.class);
    return text(client.callTool(McpSchema.CallToolRequest.builder(request.path("name").asText()).arguments(arguments).build()));
  }

  private static String text(Object result) {
    try {
      return MCP_JSON.writeValueAsString(result);
    } catch (IOException e) {
      throw new UncheckedIOException("an MCP result could not be written as JSON", e);
    }
  }

  /** Reads every page of a list tool; returns the number of records. */
  long readList(String tool, int pageSize) {
    long records = 0;
    for (int page = 1; ; page++) {
      JsonNode body = call(tool, Map.of("query_page", page, "query_limit", pageSize));
      int n = body.path("data").size();
      records += n;
      if (n < pageSize || (long) page * pageSize >= body.path("pagination").path("totalItems").asLong(Long.MAX_VALUE)) {
        return records;
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
