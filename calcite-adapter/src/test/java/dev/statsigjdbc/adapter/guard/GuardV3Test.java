package dev.statsigjdbc.adapter.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13's findings, reproduced: V3's destructive lane was exposed as a "read-only name" and
 * reached the server through the table function; write-looking names missing from the word list
 * were exposed. Now: default deny, verdicts per action and per discovered operation, and the
 * verdict taken again for every call.
 */
class GuardV3Test {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ToolPolicy policy = ToolPolicy.defaults();

  @ParameterizedTest
  @ValueSource(strings = {"api_destructive", "api_write", "wipe_gates", "nuke_project", "experiment_dangerous",
      "Finalize_Experiment", "Recompute_Metrics", "Force_Gate_Rollout", "decommission_layer", "overwrite_config",
      "frobnicate_experiment", "gate_create", "experiment_update", "autotune_create"})
  void writeLookingAndUnknownNamesAreBlocked(String name) {
    ToolVerdict verdict = policy.judge(ToolDescriptor.of(name, ""));
    assertThat(verdict.exposed()).as(name + ": " + verdict.reason()).isFalse();
  }

  @Test
  void v3ReadsAreExposedAndWritesAreNot() {
    Map<String, Boolean> exposed = V3ToolShapes.defaults().stream()
        .collect(Collectors.toMap(ToolDescriptor::name, t -> policy.judge(t).exposed()));
    assertThat(exposed).containsEntry("log_read", true).containsEntry("experiment_read", true)
        .containsEntry("gate_read", true).containsEntry("metric_read", true).containsEntry("dynamic_config_read", true)
        .containsEntry("get_context", true).containsEntry("search", true).containsEntry("fetch", true)
        .containsEntry("discover_tools", true).containsEntry("api_read", true)
        .containsEntry("api_write", false).containsEntry("api_destructive", false)
        .containsEntry("gate_create", false).containsEntry("experiment_create", false)
        .containsEntry("gate_update", false).containsEntry("experiment_update", false);
    assertThat(policy.judge(V3ToolShapes.lane("api_destructive", true)).reason()).contains("confirmation");
  }

  @Test
  void actionsAreJudgedOneByOne() {
    ToolDescriptor mixed = V3ToolShapes.groupedWithDescriptions("experiment", new String[][] {
        {"list", "Lists experiments"}, {"get", "Gets one experiment"}, {"results", "Deletes the results cache"},
        {"archive", "Archives an experiment"}, {"frobnicate", "Does something"}});
    assertThat(policy.judgeAction(mixed, "list", "Lists experiments").exposed()).isTrue();
    assertThat(policy.judgeAction(mixed, "get", null).exposed()).isTrue();
    assertThat(policy.judgeAction(mixed, "results", "Deletes the results cache").reason()).contains("described as a write");
    assertThat(policy.judgeAction(mixed, "archive", null).reason()).contains("write word");
    assertThat(policy.judgeAction(mixed, "frobnicate", null).reason()).contains("not known to read");
    assertThat(policy.judge(mixed).reason()).contains("read actions: list, get");

    ToolDescriptor read = V3ToolShapes.groupedRead("experiment_read", "pulse_results");
    assertThat(policy.judgeAction(read, "pulse_results", null).exposed()).as("the tool's name says it reads").isTrue();
    assertThat(policy.judgeAction(V3ToolShapes.discoverTools(), "resolve", "Resolve a query to an operation").exposed())
        .as("discovery only describes operations").isTrue();
    assertThat(policy.judgeAction(V3ToolShapes.groupedRead("issue_read", "resolve"), "resolve", null).exposed())
        .as("outside discovery, resolve writes").isFalse();
  }

  @Test
  void onlyTheReadLaneThroughApiReadPasses() {
    ToolDescriptor apiRead = V3ToolShapes.lane("api_read", false);
    assertThat(policy.judgeDiscovered(apiRead, "read", "listLayers", "List layers").exposed()).isTrue();
    assertThat(policy.judgeDiscovered(apiRead, "READ ", null, null).exposed()).isTrue();
    assertThat(policy.judgeDiscovered(apiRead, "write", "listLayers", null).exposed()).isFalse();
    assertThat(policy.judgeDiscovered(apiRead, "destructive", "deleteLayer", null).exposed()).isFalse();
    assertThat(policy.judgeDiscovered(apiRead, null, "listLayers", null).exposed()).isFalse();
    assertThat(policy.judgeDiscovered(apiRead, "read", "deleteLayer", null).exposed()).isFalse();
    assertThat(policy.judgeDiscovered(apiRead, "read", "layers", "Deletes every layer").exposed()).isFalse();
    assertThat(policy.judgeDiscovered(V3ToolShapes.lane("api_write", true), "read", "listLayers", null).exposed()).isFalse();
    assertThat(policy.judgeDiscovered(V3ToolShapes.lane("api_destructive", true), "read", "listLayers", null).exposed()).isFalse();
    assertThat(policy.judgeDiscovered(V3ToolShapes.lane("api_fetch", false), "read", "listLayers", null).reason())
        .as("the read lane runs through its own tool").contains("named for it");
  }

  @Test
  void everyCallIsJudgedAgain() throws Exception {
    ToolDescriptor experimentRead = V3ToolShapes.groupedRead("experiment_read", "list", "get");
    assertThat(policy.judgeCall(experimentRead, json("{\"action\":\"list\",\"arguments\":{\"params\":{}}}")).exposed()).isTrue();
    assertThat(policy.judgeCall(experimentRead, json("{\"arguments\":{}}")).reason()).contains("one of [list, get]");
    assertThat(policy.judgeCall(experimentRead, json("{\"action\":\"LIST\"}")).reason()).contains("not one of the declared");
    assertThat(policy.judgeCall(experimentRead, json("{\"action\":\"delete\"}")).exposed()).isFalse();
    assertThat(policy.judgeCall(experimentRead, json("{\"action\":[\"list\"]}")).exposed()).isFalse();
    assertThat(policy.judgeCall(experimentRead,
        json("{\"action\":\"list\",\"arguments\":{\"params\":{\"Confirmation\":{\"acknowledged\":true}}}}")).reason())
        .contains("confirmation");
    assertThat(policy.judgeCall(ToolDescriptor.of("Get_List_of_Gates", ""), json("{\"action\":\"purge\"}")).exposed())
        .as("an action named by a tool that declares none is judged too").isFalse();
    assertThat(policy.judgeCall(V3ToolShapes.lane("api_read", false),
        json("{\"operationHandle\":\"h\",\"confirmation\":{\"acknowledged\":true}}")).exposed()).isFalse();
  }

  @Test
  void theAllowListCannotOverrideADestructiveHintOrAConfirmation() {
    ToolPolicy allowing = new ToolPolicy(List.of(), Set.of("api_destructive", "gate_update", "Reset_Everything",
        "experiment.archive"));
    assertThat(allowing.judge(V3ToolShapes.lane("api_destructive", true)).exposed()).isFalse();
    assertThat(allowing.judge(V3ToolShapes.update("gate_update")).exposed()).isFalse();
    assertThat(allowing.judge(new ToolDescriptor("Reset_Everything", "", null, new ToolAnnotations(null, true, null, null)))
        .exposed()).isFalse();
    assertThat(allowing.judge(new ToolDescriptor("Reset_Everything", "", null, new ToolAnnotations(false, null, null, null)))
        .exposed()).isFalse();
    assertThat(allowing.judge(ToolDescriptor.of("Reset_Everything", "")).exposed()).as("a name alone can be vouched for").isTrue();
    ToolDescriptor grouped = V3ToolShapes.groupedRead("experiment", "list", "archive");
    assertThat(allowing.judgeAction(grouped, "archive", null).exposed()).as("tool.action on the allow-list").isTrue();
    assertThat(new ToolPolicy(List.of("archive"), Set.of("experiment.archive")).judgeAction(grouped, "archive", null).exposed())
        .as("a block pattern wins over the allow-list").isFalse();
  }

  @Test
  void aSchemaThatIsNotJsonBlocksTheTool() {
    assertThat(policy.judge(new ToolDescriptor("get_gates", "", "{not json", ToolAnnotations.NONE)).exposed()).isFalse();
  }

  /** Issue 13, item 1 as a user saw it: statsig_tools and the table function against V3's tool names. */
  @Test
  void theDestructiveLaneIsShownBlockedAndTheTableFunctionNeverReachesIt() throws Exception {
    FixtureToolSource raw = new FixtureToolSource();
    for (ToolDescriptor tool : V3ToolShapes.defaults()) {
      raw.tool(tool, params -> FixtureToolSource.single("done", JSON.createObjectNode()));
    }
    try (Sql sql = Sql.connect(raw, StatsigOptions.defaults())) {
      List<Map<String, Object>> rows = sql.rows("SELECT name, action, exposed, reason FROM statsig.statsig_tools");
      assertThat(rows).filteredOn(r -> r.get("name").equals("api_destructive")).singleElement()
          .satisfies(r -> {
            assertThat(r.get("exposed")).isEqualTo(false);
            assertThat((String) r.get("reason")).startsWith("blocked: ").contains("confirmation");
          });
      assertThat(rows).filteredOn(r -> r.get("name").equals("experiment_read") && r.get("action") != null)
          .extracting(r -> r.get("action") + "=" + r.get("exposed"))
          .containsExactly("list=true", "get=true", "pulse_results=true", "history=true");
      assertThat(rows).filteredOn(r -> r.get("name").equals("log_read") && r.get("action") == null).singleElement()
          .satisfies(r -> assertThat(r.get("exposed")).isEqualTo(true));

      for (String call : List.of(
          "'api_destructive', '{\"operationHandle\":\"h\",\"confirmation\":{\"acknowledged\":true}}'",
          "'api_write', '{\"operationHandle\":\"h\"}'",
          "'gate_update', '{\"arguments\":{\"params\":{\"path_id\":\"g\"}}}'",
          "'experiment_read', '{\"action\":\"list\",\"confirmation\":{\"acknowledged\":true}}'",
          "'experiment_read', '{\"action\":\"delete\"}'",
          "'api_read', '{\"operationHandle\":\"h\",\"arguments\":{\"confirmation\":{}}}'")) {
        assertThatThrownBy(() -> sql.rows("SELECT * FROM TABLE(statsig.tool(" + call + "))")).as(call)
            .hasStackTraceContaining("not callable");
      }
      assertThat(raw.calls()).as("nothing reached the server").isEmpty();

      sql.rows("SELECT * FROM TABLE(statsig.tool('experiment_read', '{\"action\":\"list\",\"arguments\":{\"params\":{}}}'))");
      assertThat(raw.calls()).extracting(FixtureToolSource.Call::tool).containsExactly("experiment_read");
    }
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
