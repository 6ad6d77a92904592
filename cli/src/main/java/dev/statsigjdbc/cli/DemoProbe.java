package dev.statsigjdbc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Talks to a freshly started emulator the way an MCP client would, to prove it serves. */
final class DemoProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Summary(int tools, int readTools, long experiments, long gates) {}

  private DemoProbe() {}

  static Summary run(int port, String apiKey) throws Exception {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
        .builder("http://127.0.0.1:" + port)
        .endpoint("/v1/mcp")
        .jsonMapper(new JacksonMcpJsonMapper(JSON))
        .addHttpRequestCustomizer((request, method, uri, body, context) -> request.header("statsig-api-key", apiKey))
        .build();
    try (McpSyncClient client = McpClient.sync(transport)
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(JSON))
        .requestTimeout(Duration.ofSeconds(30))
        .build()) {
      client.initialize();
      List<McpSchema.Tool> tools = client.listTools().tools();
      int readTools = (int) tools.stream().filter(tool -> tool.name().startsWith("Get_")).count();
      return new Summary(tools.size(), readTools,
          totalItems(client, "Get_List_of_Experiments"), totalItems(client, "Get_List_of_Gates"));
    }
  }

  /** Asks a list tool for one item and reads the total from the Console API's pagination block. */
  private static long totalItems(McpSyncClient client, String listTool) throws Exception {
    McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder(listTool)
        .arguments(Map.of("params", Map.of("query_limit", 1)))
        .build());
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException(listTool + " failed: " + text);
    }
    JsonNode body = JSON.readTree(text);
    return body.path("pagination").path("totalItems").asLong();
  }
}
