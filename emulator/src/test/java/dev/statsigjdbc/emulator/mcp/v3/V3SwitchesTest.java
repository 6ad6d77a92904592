package dev.statsigjdbc.emulator.mcp.v3;

import static dev.statsigjdbc.emulator.McpTestClients.text;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.call;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.json;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorConfig.V3ActionNames;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.McpTestClients;
import dev.statsigjdbc.emulator.auth.MutableClock;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The V3 switches, each on an emulator of its own. */
class V3SwitchesTest {
  private static final String WRITE_KEY = "console-v3-switch-write";
  private static final String READ_ONLY_KEY = "console-v3-switch-read";
  private static final Map<String, Object> FIRST_PAGE = Map.of("query_limit", 7);
  private static final String INITIALIZE = """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
       "capabilities":{},"clientInfo":{"name":"v3-raw","version":"1"}}}""";
  private static final String INITIALIZED = """
      {"jsonrpc":"2.0","method":"notifications/initialized"}""";

  @Test
  void alternateActionNamesServeTheSameReads() throws Exception {
    withServer(c -> c.v3ActionNames(V3ActionNames.ALTERNATE), (server, v3) -> {
      JsonNode action = action(v3, "experiment_read");
      assertThat(action.path("enum")).extracting(JsonNode::asText).containsExactly(
          "list_experiments", "get_experiment_by_id", "get_overall_results", "get_exposure_timeline");
      assertThat(action.path("description").asText()).contains("- list_experiments: List Experiments");
      assertSameAsV1(server, read(v3, "experiment_read", "list_experiments", FIRST_PAGE), "Get_List_of_Experiments");
      assertThat(read(v3, "experiment_read", "list", FIRST_PAGE).isError()).isTrue();
    });
  }

  @Test
  void shuffledActionNamesAreOpaqueAndOnlyTheDescriptionSaysWhatTheyDo() throws Exception {
    withServer(c -> c.v3ActionNames(V3ActionNames.SHUFFLED), (server, v3) -> {
      for (String tool : List.of("experiment_read", "gate_read", "dynamic_config_read", "metric_read", "log_read")) {
        List<String> names = new ArrayList<>();
        action(v3, tool).path("enum").forEach(n -> names.add(n.asText()));
        assertThat(names).as(tool).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).matches("op_[0-9a-f]{4}"));
      }
      JsonNode action = action(v3, "experiment_read");
      assertThat(action.path("enum").get(0).asText()).as("listed in another order than the default")
          .isNotEqualTo(actionFor(action, "Retrieve Pulse Results (Beta)"));
      String list = actionFor(action, "List Experiments");
      assertSameAsV1(server, read(v3, "experiment_read", list, FIRST_PAGE), "Get_List_of_Experiments");
      assertThat(server.stats().snapshot().calls("experiment_read", list)).isEqualTo(1);
    });
  }

  @Test
  void structuredContentCarriesTheJsonAndTheTextIsASentence() throws Exception {
    withServer(c -> c.v3StructuredContent(true), (server, v3) -> {
      CallToolResult result = read(v3, "gate_read", "list", FIRST_PAGE);
      JsonNode structured = V3Calls.MAPPER.valueToTree(result.structuredContent());
      try (McpSyncClient v1 = McpTestClients.connect(server, WRITE_KEY)) {
        assertThat(structured).isEqualTo(json(McpTestClients.call(v1, "Get_List_of_Gates", FIRST_PAGE)));
      }
      assertThat(structured.path("data")).hasSize(7);
      assertThat(text(result)).isEqualTo("List Gates: 7 record(s), in structuredContent.");
      assertThatThrownBy(() -> V3Calls.MAPPER.readTree(text(result))).isInstanceOf(Exception.class);
    });
  }

  @Test
  void readOnlyKeysDoNotSeeWriteToolsWhenHidden() throws Exception {
    withServer(c -> c.v3HideWritesFromReadOnlyKeys(true), (server, v3) -> {
      try (McpSyncClient reader = V3Calls.connect(server, READ_ONLY_KEY)) {
        assertThat(reader.listTools().tools()).extracting(Tool::name)
            .containsExactlyInAnyOrder("get_context", "search", "fetch", "gate_read", "experiment_read",
                "dynamic_config_read", "metric_read", "log_read", "discover_tools", "api_read");
        assertThat(read(reader, "gate_read", "list", FIRST_PAGE).isError()).isFalse();
        assertThatThrownBy(() -> call(reader, "gate_create", Map.of())).isInstanceOf(RuntimeException.class);
      }
      assertThat(v3.listTools().tools()).hasSize(18);
    });
  }

  @Test
  void expandedToolsAddMoreGroupedReadsAndAutotune() throws Exception {
    withServer(c -> c.v3ExpandedTools(true), (server, v3) -> {
      assertThat(v3.listTools().tools()).extracting(Tool::name).contains("layer_read", "segment_read", "autotune_create")
          .hasSize(21);
      assertSameAsV1(server, read(v3, "layer_read", "list", FIRST_PAGE), "Get_List_of_Layers");
    });
    withServer(c -> c, (server, v3) -> assertThat(v3.listTools().tools()).extracting(Tool::name)
        .doesNotContain("layer_read", "segment_read", "autotune_create"));
  }

  @Test
  void handlesExpireAfterTheirTtl() throws Exception {
    MutableClock clock = new MutableClock();
    withServer(c -> c.clock(clock).v3HandleTtl(Duration.ofSeconds(60)), (server, v3) -> {
      String handle = V3Calls.handle(v3, "getListOfTags");
      clock.advance(Duration.ofSeconds(59));
      assertThat(call(v3, "api_read", Map.of("operationHandle", handle)).isError()).isFalse();
      clock.advance(Duration.ofSeconds(1));
      CallToolResult expired = call(v3, "api_read", Map.of("operationHandle", handle));
      assertThat(json(expired).path("status").asInt()).isEqualTo(401);
      assertThat(call(v3, "api_read", Map.of("operationHandle", V3Calls.handle(v3, "getListOfTags"))).isError()).isFalse();
    });
  }

  @Test
  void anExpiredSessionAnswers404AtV3Too() throws Exception {
    withServer(c -> c, (server, v3) -> {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> init = http.send(post(server, INITIALIZE, null), HttpResponse.BodyHandlers.ofString());
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      assertThat(http.send(post(server, INITIALIZED, session), HttpResponse.BodyHandlers.ofString()).statusCode()).isLessThan(300);

      server.faults().expireSessions();

      assertThat(http.send(post(server, INITIALIZED, session), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
      assertThat(server.faults().injected("expiredSession")).isEqualTo(1);
    });
  }

  private static HttpRequest post(EmulatorServer server, String body, String session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.v3McpUrl()))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("statsig-api-key", WRITE_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return request.build();
  }

  private interface ServerTest {
    void run(EmulatorServer server, McpSyncClient v3) throws Exception;
  }

  private static void withServer(UnaryOperator<EmulatorConfig> switches, ServerTest test) throws Exception {
    EmulatorConfig config = switches.apply(EmulatorConfig.defaults().today(LocalDate.of(2026, 11, 20))
        .apiKey(WRITE_KEY, true).apiKey(READ_ONLY_KEY, false));
    try (EmulatorServer server = EmulatorServer.start(config); McpSyncClient v3 = V3Calls.connect(server, WRITE_KEY)) {
      test.run(server, v3);
    }
  }

  private static JsonNode action(McpSyncClient client, String tool) {
    Tool published = client.listTools().tools().stream().filter(t -> t.name().equals(tool)).findFirst().orElseThrow();
    return V3EndpointTest.schema(published).path("properties").path("action");
  }

  /** The action string whose description line names {@code summary}. */
  private static String actionFor(JsonNode action, String summary) {
    for (String line : action.path("description").asText().split("\n")) {
      if (line.endsWith(": " + summary)) {
        return line.substring(2, line.indexOf(':'));
      }
    }
    throw new AssertionError("no action line for " + summary + " in " + action);
  }

  private static void assertSameAsV1(EmulatorServer server, CallToolResult viaV3, String v1Tool) {
    try (McpSyncClient v1 = McpTestClients.connect(server, WRITE_KEY)) {
      assertThat(viaV3.isError()).as(text(viaV3)).isFalse();
      assertThat(json(viaV3)).isEqualTo(json(McpTestClients.call(v1, v1Tool, FIRST_PAGE)));
    }
  }
}
