package dev.statsigjdbc.emulator.mcp.v3;

import static dev.statsigjdbc.emulator.McpTestClients.text;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.call;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.confirmation;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.first;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.handle;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.json;
import static dev.statsigjdbc.emulator.mcp.v3.V3Calls.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.McpTestClients;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import dev.statsigjdbc.emulator.mcp.ToolCallStats;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v3/mcp} with default switches, through the SDK's client over real HTTP, beside {@code /v1/mcp}. */
class V3EndpointTest {
  private static final String WRITE_KEY = "console-v3-write-key";
  private static final String READ_ONLY_KEY = "console-v3-readonly-key";
  private static final List<String> DEFAULT_TOOLS = List.of("get_context", "search", "fetch", "gate_read",
      "experiment_read", "dynamic_config_read", "metric_read", "log_read", "gate_create", "experiment_create",
      "dynamic_config_create", "gate_update", "experiment_update", "dynamic_config_update", "discover_tools",
      "api_read", "api_write", "api_destructive");
  private static EmulatorServer server;
  private static InMemoryConsoleApi api;
  private static McpSyncClient v3;
  private static McpSyncClient v1;
  private static McpSyncClient v3ReadOnly;

  @BeforeAll
  static void start() {
    // extraTools: V1 then publishes Get_Gate_Rules too, so that every V3 action has a V1 twin to compare with.
    server = EmulatorServer.start(EmulatorConfig.defaults().today(LocalDate.of(2026, 11, 20)).extraTools(true)
        .apiKey(WRITE_KEY, true).apiKey(READ_ONLY_KEY, false));
    api = (InMemoryConsoleApi) server.consoleApi();
    v3 = V3Calls.connect(server, WRITE_KEY);
    v1 = McpTestClients.connect(server, WRITE_KEY);
    v3ReadOnly = V3Calls.connect(server, READ_ONLY_KEY);
  }

  @AfterAll
  static void stop() {
    v3.close();
    v1.close();
    v3ReadOnly.close();
    server.close();
  }

  @BeforeEach
  void resetCounts() {
    server.stats().reset();
    server.faults().reset();
  }

  @Test
  void everyDefaultToolIsListedWithItsSchema() {
    Map<String, Tool> tools = v3.listTools().tools().stream().collect(Collectors.toMap(Tool::name, Function.identity()));
    assertThat(tools.keySet()).containsExactlyInAnyOrderElementsOf(DEFAULT_TOOLS);
    JsonNode experimentRead = schema(tools.get("experiment_read"));
    JsonNode action = experimentRead.path("properties").path("action");
    assertThat(action.path("enum")).extracting(JsonNode::asText)
        .containsExactly("list", "get", "pulse_results", "cumulative_exposures");
    assertThat(action.path("description").asText()).contains("- list: List Experiments", "- get: Get Experiment",
        "- pulse_results: Retrieve Pulse Results (Beta)", "- cumulative_exposures: Retrieve cumulative exposures");
    assertThat(experimentRead.path("required")).extracting(JsonNode::asText).containsExactly("action");
    assertThat(experimentRead.path("properties").path("arguments").path("properties").path("params").path("properties")
        .fieldNames()).toIterable().contains("path_id", "query_limit", "query_page");
    assertThat(schema(tools.get("log_read")).path("properties").path("action").toString()).contains("List Audit Logs");
    for (String write : List.of("gate_create", "experiment_update", "api_write", "api_destructive")) {
      assertThat(schema(tools.get(write)).path("required")).extracting(JsonNode::asText).as(write).contains("confirmation");
    }
    assertThat(schema(tools.get("gate_create")).path("properties").has("params")).isTrue();
    assertThat(schema(tools.get("gate_update")).path("properties").has("arguments")).isTrue();
    for (String read : List.of("api_read", "discover_tools", "gate_read", "get_context", "search", "fetch")) {
      assertThat(schema(tools.get(read)).path("properties").has("confirmation")).as(read).isFalse();
    }
    assertThat(schema(tools.get("discover_tools")).path("properties").path("action").path("enum"))
        .extracting(JsonNode::asText).containsExactly("list", "get", "resolve");
  }

  @Test
  void eachGroupedReadGivesTheSameJsonAsTheV1Tool() {
    JsonNode anExperiment = first(server, "/console/v1/experiments");
    String experiment = anExperiment.path("id").asText();
    String control = anExperiment.path("controlGroupID").asText();
    String treatment = StreamSupport.stream(anExperiment.path("groups").spliterator(), false)
        .map(g -> g.path("id").asText()).filter(g -> !g.equals(control)).findFirst().orElseThrow();
    String gate = first(server, "/console/v1/gates").path("id").asText();
    String rule = V3Calls.details(server, "/console/v1/gates/{id}", gate).path("rules").get(0).path("id").asText();
    String config = first(server, "/console/v1/dynamic_configs").path("id").asText();
    String metric = first(server, "/console/v1/metrics/list").path("id").asText();
    record Case(String tool, String action, String v1Tool, Map<String, Object> params) {}
    List<Case> cases = List.of(
        new Case("experiment_read", "list", "Get_List_of_Experiments", Map.of("query_limit", 5, "query_page", 2)),
        new Case("experiment_read", "get", "Get_Experiment_Details_by_ID", Map.of("path_id", experiment)),
        new Case("experiment_read", "pulse_results", "Get_Experiment_Overall_Results",
            Map.of("path_id", experiment, "query_control", control, "query_test", treatment)),
        new Case("experiment_read", "cumulative_exposures", "Get_Experiment_Cumulative_Exposures",
            Map.of("path_id", experiment)),
        new Case("gate_read", "list", "Get_List_of_Gates", Map.of()),
        new Case("gate_read", "get", "Get_Gate_Details_by_ID", Map.of("path_id", gate)),
        new Case("gate_read", "rules", "Get_Gate_Rules", Map.of("path_id", gate)),
        new Case("gate_read", "rule_pulse_results", "Get_Gate_Results", Map.of("path_id", gate, "path_ruleID", rule)),
        new Case("gate_read", "versions", "Get_Gate_Version_History", Map.of("path_id", gate)),
        new Case("dynamic_config_read", "list", "Get_List_of_Dynamic_Configs", Map.of()),
        new Case("dynamic_config_read", "get", "Get_Dynamic_Config_Details_by_ID", Map.of("path_id", config)),
        new Case("dynamic_config_read", "versions", "Get_Dynamic_Config_Version_History", Map.of("path_id", config)),
        new Case("metric_read", "list", "Get_List_of_Metrics", Map.of()),
        new Case("metric_read", "get", "Get_Metric_Definition_by_ID", Map.of("path_id", metric)),
        new Case("metric_read", "value", "Get_Metric_Value", Map.of("query_id", metric, "query_date", "2026-11-10")),
        new Case("metric_read", "sources", "Get_List_of_Metric_Sources", Map.of()),
        new Case("log_read", "audit_logs", "Get_Audit_Logs", Map.of("query_limit", 20)));
    for (Case c : cases) {
      CallToolResult viaV3 = read(v3, c.tool(), c.action(), c.params());
      CallToolResult viaV1 = McpTestClients.call(v1, c.v1Tool(), c.params());
      assertThat(viaV3.isError()).as(c.tool() + " " + c.action() + ": " + text(viaV3)).isFalse();
      assertThat(json(viaV3)).as(c.tool() + " " + c.action()).isEqualTo(json(viaV1));
      assertThat(json(viaV3).path("data").isEmpty()).as(c.tool() + " " + c.action() + " has data").isFalse();
    }
    ToolCallStats.Snapshot stats = server.stats().snapshot();
    assertThat(stats.calls("experiment_read")).isEqualTo(4);
    assertThat(stats.calls("experiment_read", "get")).isEqualTo(1);
    assertThat(stats.calls("gate_read", "rule_pulse_results")).isEqualTo(1);
    assertThat(stats.writes()).isZero();
  }

  @Test
  void badActionsAndParamsAreErrorsThatSayWhatToSend() {
    CallToolResult unknown = read(v3, "experiment_read", "delete", Map.of());
    assertThat(unknown.isError()).isTrue();
    assertThat(json(unknown).path("status").asInt()).isEqualTo(400);
    assertThat(json(unknown).path("message").asText()).contains("list", "get", "'delete'");
    CallToolResult missingId = read(v3, "experiment_read", "get", Map.of());
    assertThat(json(missingId).path("message").asText()).contains("params.path_id");
    assertThat(text(missingId)).doesNotStartWith("API Error");
  }

  @Test
  void discoveryListsGetsAndResolvesOperationsWithTheirLanes() {
    JsonNode list = json(call(v3, "discover_tools", Map.of("action", "list")));
    Map<String, JsonNode> byId = operations(list);
    assertThat(byId.get("getListOfLayers").path("lane").asText()).isEqualTo("read");
    assertThat(byId.get("getListOfLayers").path("path").asText()).isEqualTo("/console/v1/layers");
    assertThat(byId.get("getListOfLayers").path("category").asText()).isEqualTo("layers");
    assertThat(byId.get("deleteGate").path("lane").asText()).isEqualTo("destructive");
    assertThat(byId.get("createTag").path("lane").asText()).isEqualTo("write");
    assertThat(list.toString()).doesNotContain("operationHandle");

    JsonNode onlyWrites = json(call(v3, "discover_tools", Map.of("action", "list", "lane", "write")));
    assertThat(onlyWrites.path("operations")).allSatisfy(op -> assertThat(op.path("lane").asText()).isEqualTo("write"));

    JsonNode got = json(call(v3, "discover_tools", Map.of("action", "get", "operationId", "getListOfLayers")))
        .path("operations").get(0);
    assertThat(got.path("executeWith").path("tool").asText()).isEqualTo("api_read");
    assertThat(got.path("expiresAt").asLong()).isGreaterThan(System.currentTimeMillis());
    assertThat(got.path("inputSchema").toString()).contains("params", "query_limit");

    JsonNode resolved = json(call(v3, "discover_tools", Map.of("action", "resolve", "query", "list of layers")));
    assertThat(resolved.path("operations").get(0).path("operationId").asText()).isEqualTo("getListOfLayers");
    assertThat(resolved.path("operations").get(0).path("executeWith").path("operationHandle").asText()).isNotBlank();
    JsonNode segment = json(call(v3, "discover_tools", Map.of("action", "resolve", "query", "segment details",
        "operationAction", "get")));
    assertThat(segment.path("operations").get(0).path("operationId").asText()).isEqualTo("getSegmentDetailsByID");

    CallToolResult unknownId = call(v3, "discover_tools", Map.of("action", "get", "operationId", "nope"));
    assertThat(json(unknownId).path("status").asInt()).isEqualTo(404);
    assertThat(server.stats().snapshot().calls("discover_tools", "resolve")).isEqualTo(2);
  }

  @Test
  void apiReadRunsAReadHandleAsTheV1ToolWould() {
    CallToolResult viaHandle = call(v3, "api_read", Map.of("operationHandle", handle(v3, "getListOfLayers"),
        "arguments", Map.of("params", Map.of("query_limit", 3))));
    assertThat(json(viaHandle)).isEqualTo(json(McpTestClients.call(v1, "Get_List_of_Layers", Map.of("query_limit", 3))));
    assertThat(json(viaHandle).path("data")).hasSize(3);
    assertThat(server.stats().snapshot().calls("api_read", "getListOfLayers")).isEqualTo(1);
  }

  @Test
  void tamperedAndForeignHandlesAreRefused() {
    String handle = handle(v3, "getListOfTags");
    char last = handle.charAt(handle.length() - 1);
    String tampered = handle.substring(0, handle.length() - 1) + (last == 'A' ? 'B' : 'A');
    String[] parts = handle.split("\\.");
    String otherPayload = handle(v3, "getListOfSegments").split("\\.")[0] + "." + parts[1];
    for (String bad : List.of(tampered, otherPayload, "not-a-handle", "")) {
      CallToolResult refused = call(v3, "api_read", Map.of("operationHandle", bad));
      assertThat(refused.isError()).as(bad).isTrue();
      assertThat(json(refused).path("status").asInt()).isEqualTo(401);
      assertThat(json(refused).path("message").asText())
          .isEqualTo("operation handle expired or invalid; call discover_tools again");
    }
    CallToolResult foreign = call(v3ReadOnly, "api_read", Map.of("operationHandle", handle));
    assertThat(json(foreign).path("status").asInt()).isEqualTo(401);
    assertThat(call(v3, "api_read", Map.of("operationHandle", handle)).isError()).isFalse();
  }

  @Test
  void apiReadRefusesWriteLanesAndLanesCannotBeSwitched() {
    String gate = first(server, "/console/v1/gates").path("id").asText();
    long writesBefore = api.writeCount();
    String delete = handle(v3, "deleteGate");
    CallToolResult viaRead = call(v3, "api_read", Map.of("operationHandle", delete,
        "arguments", Map.of("params", Map.of("path_id", gate))));
    assertThat(json(viaRead).path("status").asInt()).isEqualTo(403);
    CallToolResult viaWrite = call(v3, "api_write", Map.of("operationHandle", delete, "confirmation", confirmation(),
        "arguments", Map.of("params", Map.of("path_id", gate))));
    assertThat(json(viaWrite).path("status").asInt()).isEqualTo(403);
    assertThat(api.writeCount()).isEqualTo(writesBefore);
    assertThat(V3Calls.details(server, "/console/v1/gates/{id}", gate).path("id").asText()).isEqualTo(gate);
  }

  @Test
  void writesNeedAConfirmationAndHaveRealCountedEffects() {
    long writesBefore = api.writeCount();
    Map<String, Object> body = Map.of("params", Map.of("application/json", Map.of("name", "v3_created_gate")));
    CallToolResult unconfirmed = call(v3, "gate_create", body);
    assertThat(json(unconfirmed).path("status").asInt()).isEqualTo(400);
    assertThat(json(unconfirmed).path("message").asText()).contains("confirmation", "acknowledged");
    assertThat(api.writeCount()).isEqualTo(writesBefore);

    CallToolResult created = call(v3, "gate_create", V3Calls.with(body, "confirmation", confirmation()));
    assertThat(created.isError()).as(text(created)).isFalse();
    assertThat(api.writeCount()).isEqualTo(writesBefore + 1);
    String id = json(created).path("data").path("id").asText();

    CallToolResult updated = call(v3, "gate_update", Map.of("confirmation", confirmation(), "arguments",
        Map.of("params", Map.of("path_id", id, "application/json", Map.of("description", "changed through V3")))));
    assertThat(updated.isError()).as(text(updated)).isFalse();
    assertThat(V3Calls.details(server, "/console/v1/gates/{id}", id).path("description").asText())
        .isEqualTo("changed through V3");

    CallToolResult deleted = call(v3, "api_destructive", Map.of("operationHandle", handle(v3, "deleteGate"),
        "confirmation", confirmation(), "arguments", Map.of("params", Map.of("path_id", id))));
    assertThat(deleted.isError()).as(text(deleted)).isFalse();
    assertThat(api.writeCount()).isEqualTo(writesBefore + 3);
    assertThat(read(v3, "gate_read", "get", Map.of("path_id", id)).isError()).isTrue();
    assertThat(server.stats().snapshot().writes()).isEqualTo(4);
  }

  @Test
  void readOnlyKeysSeeWriteToolsButAreRefused() {
    assertThat(v3ReadOnly.listTools().tools()).extracting(Tool::name).contains("gate_create", "api_destructive");
    long writesBefore = api.writeCount();
    CallToolResult refused = call(v3ReadOnly, "gate_create", Map.of("confirmation", confirmation(),
        "params", Map.of("application/json", Map.of("name", "not_created"))));
    assertThat(json(refused).path("status").asInt()).isEqualTo(403);
    CallToolResult refusedLane = call(v3ReadOnly, "api_write", Map.of("confirmation", confirmation(),
        "operationHandle", handle(v3ReadOnly, "createTag"),
        "arguments", Map.of("params", Map.of("application/json", Map.of("name", "not_created")))));
    assertThat(json(refusedLane).path("status").asInt()).isEqualTo(403);
    assertThat(api.writeCount()).isEqualTo(writesBefore);
    assertThat(read(v3ReadOnly, "gate_read", "list", Map.of()).isError()).isFalse();
  }

  @Test
  void contextSearchAndFetchAnswer() {
    JsonNode context = json(call(v3ReadOnly, "get_context", Map.of("fields", List.of("permissions"))));
    assertThat(context.path("permissions").path("canWrite").asBoolean()).isFalse();
    assertThat(context.has("organization")).isFalse();
    JsonNode experiment = first(server, "/console/v1/experiments");
    String word = experiment.path("name").asText();
    JsonNode found = json(call(v3, "search", Map.of("query", word)));
    assertThat(found.path("results").toString()).contains("experiment:" + experiment.path("id").asText());
    CallToolResult fetched = call(v3, "fetch", Map.of("id", "experiment:" + experiment.path("id").asText()));
    assertThat(text(fetched)).startsWith("experiment " + word).contains(experiment.path("id").asText());
    assertThat(json(call(v3, "fetch", Map.of("id", "nothing:1"))).path("status").asInt()).isEqualTo(404);
  }

  @Test
  void faultsApplyToV3() {
    server.faults().malformedJson("experiment_read", 1);
    CallToolResult malformed = read(v3, "experiment_read", "list", Map.of());
    assertThatThrownBy(() -> V3Calls.MAPPER.readTree(text(malformed))).isInstanceOf(Exception.class);
    assertThat(json(read(v3, "experiment_read", "list", Map.of())).path("data").isEmpty()).isFalse();

    server.faults().missingField("gate_read", "data", 1);
    assertThat(json(read(v3, "gate_read", "list", Map.of())).has("data")).isFalse();

    server.faults().serverErrors(1, 503);
    assertThatThrownBy(() -> read(v3, "gate_read", "list", Map.of())).isInstanceOf(RuntimeException.class);
    assertThat(server.faults().injected("serverError")).isEqualTo(1);
    assertThat(read(v3, "gate_read", "list", Map.of()).isError()).isFalse();

    server.faults().tooManyRequests(1, 2);
    assertThatThrownBy(() -> read(v3, "gate_read", "list", Map.of())).isInstanceOf(RuntimeException.class);
    assertThat(server.faults().injected("tooManyRequests")).isEqualTo(1);
  }

  private static Map<String, JsonNode> operations(JsonNode answer) {
    Map<String, JsonNode> byId = new HashMap<>();
    answer.path("operations").forEach(op -> byId.put(op.path("operationId").asText(), op));
    return byId;
  }

  static JsonNode schema(Tool tool) {
    return V3Calls.MAPPER.valueToTree(tool.inputSchema());
  }
}
