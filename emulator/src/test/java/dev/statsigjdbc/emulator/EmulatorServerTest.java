package dev.statsigjdbc.emulator;

import static dev.statsigjdbc.emulator.McpTestClients.call;
import static dev.statsigjdbc.emulator.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.api.ApiCall;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import dev.statsigjdbc.emulator.data.DatasetGenerator;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP endpoint through the SDK's client over real HTTP. */
class EmulatorServerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String WRITE_KEY = "console-write-test-key";
  private static final String READ_ONLY_KEY = "console-readonly-test-key";
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  private static InMemoryConsoleApi api;
  private static EmulatorServer server;
  private static McpSyncClient client;

  @BeforeAll
  static void start() {
    server = EmulatorServer.start(
        EmulatorConfig.defaults().today(TODAY).apiKey(WRITE_KEY, true).apiKey(READ_ONLY_KEY, false));
    api = (InMemoryConsoleApi) server.consoleApi();
    client = McpTestClients.connect(server, WRITE_KEY);
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void resetCounts() {
    server.stats().reset();
  }

  @Test
  void initializeAnnouncesTheEmulatorWithTools() {
    InitializeResult init = client.initialize();
    assertThat(init.serverInfo().name()).isEqualTo("statsig-emulator");
    assertThat(init.capabilities().tools()).isNotNull();
    assertThat(server.mcpUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1/mcp");
  }

  @Test
  void toolsListPublishesV1NamesWithParamsSchemaAndMixedAnnotations() {
    Map<String, Tool> tools = tools(client);
    assertThat(tools).containsKeys("Get_List_of_Experiments", "Get_Experiment_Overall_Results", "Create_autotune",
        "Invoke_Tool", "Start_Gate_Code_Cleanup");
    assertThat(tools).doesNotContainKeys("Get_Exposure_Count", "Get_Gate_Rules", "Get_Experiment_Results",
        "Get_Segment_by_ID");

    Tool details = tools.get("Get_Experiment_Details_by_ID");
    assertThat(details.description()).startsWith("Get Experiment");
    Map<String, Object> params = paramsSchema(details);
    assertThat(details.inputSchema().get("type")).isEqualTo("object");
    assertThat(params.get("type")).isEqualTo("object");
    assertThat(paramsProperties(details)).containsOnlyKeys("path_id");
    assertThat(params.get("required")).isEqualTo(List.of("path_id"));
    assertThat(paramsProperties(tools.get("Create_Experiment"))).containsKey("application/json");
    assertThat(paramsProperties(tools.get("Get_List_of_Experiments")))
        .containsKeys("query_status", "query_page", "query_limit");

    assertThat(details.annotations().readOnlyHint()).isTrue();
    assertThat(tools.get("Delete_Experiment").annotations().destructiveHint()).isTrue();
    assertThat(tools.get("Get_List_of_Tags").annotations()).isNull();
  }

  @Test
  void extraAndRenamedToolsAppearOnlyWithTheirSwitches() {
    try (EmulatorServer other = EmulatorServer.start(
            EmulatorConfig.defaults().requireAuth(false).extraTools(true).renamedTools(true), api);
        McpSyncClient otherClient = McpTestClients.connect(other, null)) {
      assertThat(tools(otherClient)).containsKeys("Get_Exposure_Count", "Get_List_of_All_Metric_Values",
          "Get_Gate_Rules", "Get_Experiment_Results", "Get_Segment_by_ID", "Get_Segment_Details_by_ID");
    }
  }

  @Test
  void listToolPagedToTheEndReturnsEveryEntityOnce() throws Exception {
    int limit = 25;
    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (int page = 1; ; page++) {
      JsonNode body = MAPPER.readTree(text(call(client, "Get_List_of_Gates",
          Map.of("query_page", page, "query_limit", limit))));
      pages++;
      body.path("data").forEach(e -> seen.add(e.path("id").asText()));
      if (body.path("pagination").path("nextPage").isNull() || body.path("data").size() < limit) {
        break;
      }
    }
    List<String> expected = DatasetGenerator.generate(DatasetProfile.DEMO, 42L, TODAY).gates().all().stream()
        .map(g -> g.path("id").asText()).toList();
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(pages).isGreaterThan(1);
    assertThat(server.stats().snapshot().calls("Get_List_of_Gates")).isEqualTo(pages);
  }

  @Test
  void detailAndResultsToolsAnswerOneTextItemWithTheApiBody() throws Exception {
    JsonNode experiment = anExperiment();
    String id = experiment.path("id").asText();
    CallToolResult details = call(client, "Get_Experiment_Details_by_ID", Map.of("path_id", id));
    assertThat(details.content()).hasSize(1);
    assertThat(text(details))
        .isEqualTo(MAPPER.writeValueAsString(direct("GET", "/console/v1/experiments/{id}", Map.of("id", id), Map.of())));

    String control = experiment.path("controlGroupID").asText();
    String test = StreamSupport.stream(experiment.path("groups").spliterator(), false)
        .map(g -> g.path("id").asText()).filter(g -> !g.equals(control)).findFirst().orElseThrow();
    Map<String, Object> query = Map.of("control", control, "test", test);
    CallToolResult results = call(client, "Get_Experiment_Overall_Results",
        Map.of("path_id", id, "query_control", control, "query_test", test));
    assertThat(results.isError()).isFalse();
    assertThat(text(results)).isEqualTo(MAPPER.writeValueAsString(
        direct("GET", "/console/v1/experiments/{id}/pulse_results", Map.of("id", id), query)));
  }

  @Test
  void unknownIdIsAnApiErrorResult() throws Exception {
    CallToolResult result = call(client, "Get_Experiment_Details_by_ID", Map.of("path_id", "no_such_experiment"));
    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("API Error (404): {\"status\":404,\"message\":\"");
    assertThat(MAPPER.readTree(text(result).substring("API Error (404): ".length())).path("message").asText())
        .isNotBlank();
  }

  @Test
  void badParamsNameWhatTheToolTakes() {
    CallToolResult unknown = call(client, "Get_Experiment_Details_by_ID", Map.of("path_id", "x", "query_bogus", 1));
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).startsWith("API Error (400)").contains("query_bogus").contains("takes path_id");

    CallToolResult missing = call(client, "Get_Experiment_Overall_Results", Map.of());
    assertThat(text(missing)).contains("missing required parameter params.path_id");
  }

  @Test
  void writeToolChangesStateAndIsCounted() throws Exception {
    long writesBefore = api.writeCount();
    CallToolResult created = call(client, "Create_Experiment",
        Map.of("application/json", Map.of("name", "written_by_test", "hypothesis", "MCP writes reach the model")));
    assertThat(created.isError()).as(text(created)).isFalse();
    String id = MAPPER.readTree(text(created)).path("data").path("id").asText();
    CallToolResult read = call(client, "Get_Experiment_Details_by_ID", Map.of("path_id", id));
    assertThat(MAPPER.readTree(text(read)).path("data").path("name").asText()).isEqualTo("written_by_test");
    assertThat(api.writeCount()).isEqualTo(writesBefore + 1);
    assertThat(server.stats().snapshot().writes()).isEqualTo(1);
    assertThat(server.stats().snapshot().total()).isEqualTo(2);
  }

  @Test
  void readOnlyKeyCannotWrite() {
    long writesBefore = api.writeCount();
    try (McpSyncClient readOnly = McpTestClients.connect(server, READ_ONLY_KEY)) {
      CallToolResult refused = call(readOnly, "Create_Experiment", Map.of("application/json", Map.of("name", "nope")));
      assertThat(refused.isError()).isTrue();
      assertThat(text(refused)).isEqualTo("API Error (403): {\"status\":403,\"message\":\"Forbidden resource\"}");

      CallToolResult viaInvoke = readOnly.callTool(CallToolRequest
          .builder("Invoke_Tool")
          .arguments(Map.of("tool_name", "Create_Experiment",
              "params", Map.of("application/json", Map.of("name", "nope"))))
          .build());
      assertThat(text(viaInvoke)).startsWith("API Error (403)");
      assertThat(call(readOnly, "Get_Experiment_Details_by_ID", Map.of("path_id", anExperiment().path("id").asText()))
          .isError()).isFalse();
    }
    assertThat(api.writeCount()).isEqualTo(writesBefore);
    assertThat(direct("GET", "/console/v1/experiments", Map.of(), Map.of("limit", 1000)).path("data").toString())
        .doesNotContain("\"nope\"");
  }

  @Test
  void invokeToolRunsAnotherToolByName() throws Exception {
    String id = anExperiment().path("id").asText();
    CallToolResult result = client.callTool(CallToolRequest
        .builder("Invoke_Tool")
        .arguments(Map.of("tool_name", "Get_Experiment_Details_by_ID", "params", Map.of("path_id", id)))
        .build());
    assertThat(MAPPER.readTree(text(result)).path("data").path("id").asText()).isEqualTo(id);
    assertThat(server.stats().snapshot().calls("Invoke_Tool")).isEqualTo(1);

    CallToolResult unknown = client.callTool(CallToolRequest
        .builder("Invoke_Tool").arguments(Map.of("tool_name", "Get_Exposure_Count")).build());
    assertThat(text(unknown)).startsWith("API Error (400)").contains("Get_Exposure_Count");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> paramsSchema(Tool tool) {
    return (Map<String, Object>) ((Map<String, Object>) tool.inputSchema().get("properties")).get("params");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> paramsProperties(Tool tool) {
    return (Map<String, Object>) paramsSchema(tool).get("properties");
  }

  /** The Console API's own answer, bypassing MCP. */
  private static JsonNode direct(String method, String path, Map<String, String> pathParams, Map<String, Object> query) {
    return api.call(new ApiCall(method, path, pathParams, MAPPER.convertValue(query,
        new TypeReference<Map<String, JsonNode>>() {}), null));
  }

  private static JsonNode anExperiment() {
    return direct("GET", "/console/v1/experiments", Map.of(), Map.of("limit", 1, "page", 2)).path("data").get(0);
  }

  private static Map<String, Tool> tools(McpSyncClient mcp) {
    return mcp.listTools().tools().stream().collect(Collectors.toMap(Tool::name, Function.identity()));
  }
}
