package dev.statsigjdbc.emulator.mcp.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.McpTestClients;
import dev.statsigjdbc.emulator.api.ApiCall;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls of V3 tools through the SDK client, and ids from the emulator's data. */
final class V3Calls {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private V3Calls() {}

  static McpSyncClient connect(EmulatorServer server, String apiKey) {
    return McpTestClients.connect(server, apiKey, "/v3/mcp");
  }

  static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
  }

  /** A grouped read: {@code {action, arguments: {params}}}. */
  static CallToolResult read(McpSyncClient client, String tool, String action, Map<String, Object> params) {
    return call(client, tool, Map.of("action", action, "arguments", Map.of("params", params)));
  }

  static JsonNode json(CallToolResult result) {
    try {
      return MAPPER.readTree(McpTestClients.text(result));
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + McpTestClients.text(result), e);
    }
  }

  /** The operation handle {@code discover_tools get} gives for {@code operationId}. */
  static String handle(McpSyncClient client, String operationId) {
    JsonNode answer = json(call(client, "discover_tools", Map.of("action", "get", "operationId", operationId)));
    return answer.path("operations").get(0).path("executeWith").path("operationHandle").asText();
  }

  static Map<String, Object> confirmation() {
    return Map.of("acknowledged", true, "reason", "test");
  }

  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    out.put(key, value);
    return out;
  }

  /** The first record of a Console API list. */
  static JsonNode first(EmulatorServer server, String listPath) {
    ApiCall list = new ApiCall("GET", listPath, Map.of(), Map.of("limit", IntNode.valueOf(1)), null);
    return server.consoleApi().call(list).path("data").get(0);
  }

  static JsonNode details(EmulatorServer server, String path, String id) {
    return server.consoleApi().call(new ApiCall("GET", path, Map.of("id", id), Map.of(), null)).path("data");
  }
}
