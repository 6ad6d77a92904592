package dev.statsigjdbc.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.statsigjdbc.emulator.api.ApiCall;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.Map;

/** The MCP Java SDK's sync client pointed at an emulator, as the driver will use it. */
public final class McpTestClients {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private McpTestClients() {}

  /** An initialized client of {@code /v1/mcp}; {@code apiKey} null sends no credentials. */
  public static McpSyncClient connect(EmulatorServer server, String apiKey) {
    return connect(server, apiKey, "/v1/mcp");
  }

  /** An initialized client of the MCP endpoint at {@code endpoint} ({@code /v1/mcp}, {@code /v3/mcp}). */
  public static McpSyncClient connect(EmulatorServer server, String apiKey, String endpoint) {
    HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
        .builder(server.origin())
        .endpoint(endpoint)
        .jsonMapper(new JacksonMcpJsonMapper(MAPPER));
    if (apiKey != null) {
      transport.addHttpRequestCustomizer((builder, method, uri, body, ctx) -> builder.header("statsig-api-key", apiKey));
    }
    McpSyncClient client = McpClient.sync(transport.build())
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(MAPPER))
        .requestTimeout(Duration.ofSeconds(20))
        .build();
    client.initialize();
    return client;
  }

  /** The id of some experiment the emulator's data holds. */
  public static String anExperimentId(EmulatorServer server) {
    ApiCall list = new ApiCall("GET", "/console/v1/experiments", Map.of(), Map.of("limit", IntNode.valueOf(1)), null);
    return server.consoleApi().call(list).path("data").get(0).path("id").asText();
  }

  public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> params) {
    return client.callTool(CallToolRequest.builder(tool).arguments(Map.of("params", params)).build());
  }

  /** The single text item of a result. */
  public static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
