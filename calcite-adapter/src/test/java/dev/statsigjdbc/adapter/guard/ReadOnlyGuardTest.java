package dev.statsigjdbc.adapter.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Blocked tools reach nothing: not the tables, not the table function, not the guarded source. */
class ReadOnlyGuardTest {

  private final ToolPolicy policy = ToolPolicy.defaults();

  @ParameterizedTest
  @ValueSource(strings = {"Update_Gate_Entirely", "Create_autotune", "Start_Experiment_Code_Cleanup", "Invoke_Tool",
      "updateGate", "GATE-DELETE", "Create_Experiment", "Update_Segment", "Start_Gate_Code_Cleanup", "gatedelete",
      "Archive_Metric", "Unarchive_Metric", "Reload_Metric", "Schedule_Archive", "Add_IDs_To_Segment", "Log_Event",
      "Bulk_Update_Gates", "PartialUpdateExperiment", "experiment_abandon", "Reset_Segment_ID_List"})
  void knownWriteToolsAreBlocked(String name) {
    assertThat(policy.judge(ToolDescriptor.of(name, "")).exposed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Get_List_of_Experiments", "Get_Experiment_Details_by_ID", "Get_Experiment_Overall_Results",
      "Get_Experiment_Metric_Dimension_Results", "Get_Experiment_Version_History", "Get_List_of_Gates",
      "Get_Gate_Details_by_ID", "Get_Gate_Results", "Get_List_of_Dynamic_Configs", "Get_Dynamic_Config_Details_by_ID",
      "Get_Dynamic_Config_Version_History", "Get_List_of_Layers", "Get_Layer_Details_by_ID", "Get_Layer_Experiments",
      "Get_List_of_Metrics", "Get_Metric_Definition_by_ID", "Get_List_of_Metric_Sources", "Get_List_of_Segments",
      "Get_Segment_Details_by_ID", "Get_Segment_by_ID", "Get_List_of_Tags", "Get_Audit_Logs", "Get_List_of_Param_Stores",
      "Query_Logs_Explorer", "search", "fetch", "Get_Exposure_Count", "Get_Metric_Value",
      "Get_Experiment_Cumulative_Exposures", "Get_Experiment_Assignment_Sources", "Get_Settings"})
  void knownReadToolsAreExposed(String name) {
    assertThat(policy.judge(ToolDescriptor.of(name, "")).exposed()).isTrue();
  }

  @Test
  void annotationsAllowListAndExtraPatterns() {
    assertThat(policy.judge(FixtureToolSource.annotated("Get_Gate_Results", null, true)).reason())
        .contains("destructiveHint");
    assertThat(policy.judge(FixtureToolSource.annotated("Get_Gate_Results", false, null)).exposed()).isFalse();
    assertThat(policy.judge(FixtureToolSource.annotated("Update_Gate", true, false)).exposed())
        .as("a readOnlyHint never exposes a write-looking name").isFalse();

    ToolPolicy custom = new ToolPolicy(List.of("explorer$"), Set.of("get_experiment_pulse_load_history"));
    assertThat(custom.judge(ToolDescriptor.of("Query_Logs_Explorer", "")).reason()).contains("explorer$");
    assertThat(custom.judge(ToolDescriptor.of("Get_Experiment_Pulse_Load_History", "")).exposed()).isTrue();
    assertThat(custom.judge(FixtureToolSource.annotated("Get_Experiment_Pulse_Load_History", null, true)).exposed()).isFalse();
  }

  @Test
  void guardedSourceListsOnlyExposedToolsAndRefusesTheRest() {
    FixtureToolSource raw = FixtureToolSource.statsig();
    GuardedToolSource guarded = GuardedToolSource.wrap(raw, policy);
    assertThat(guarded.tools()).extracting(ToolDescriptor::name)
        .contains("Get_List_of_Experiments").doesNotContain("Update_Gate_Entirely", "Invoke_Tool");
    for (String blocked : List.of("Update_Gate_Entirely", "update_gate_entirely", "Invoke_Tool", "Not_Listed_Tool")) {
      assertThatThrownBy(() -> guarded.call(blocked, JsonNodeFactory.instance.objectNode()))
          .isInstanceOf(BlockedToolException.class)
          .hasMessageContaining("not callable");
    }
    assertThat(raw.calls()).isEmpty();
  }

  @Test
  void sqlShowsBlockedToolsAndReachesNoneOfThem() throws Exception {
    FixtureToolSource raw = FixtureToolSource.statsig()
        .tool(FixtureToolSource.annotated("Get_List_of_Tags", null, true), p -> FixtureToolSource.single("x", null));
    try (Sql sql = Sql.connect(raw, StatsigOptions.defaults())) {
      List<Map<String, Object>> tools = sql.rows("SELECT name, exposed, reason FROM statsig.statsig_tools ORDER BY name");
      assertThat(tools).extracting(r -> r.get("name")).containsAll(raw.tools().stream().map(ToolDescriptor::name).toList());
      assertThat(tools).filteredOn(r -> r.get("name").equals("Update_Gate_Entirely")).singleElement()
          .satisfies(r -> {
            assertThat(r.get("exposed")).isEqualTo(false);
            assertThat((String) r.get("reason")).contains("update");
          });
      assertThat(tools).filteredOn(r -> r.get("name").equals("Get_List_of_Tags")).singleElement()
          .satisfies(r -> assertThat((String) r.get("reason")).contains("destructiveHint"));

      assertThat(sql.connection().getMetaData().getTables(null, "statsig", "tags", null).next())
          .as("a table whose only tool is blocked does not appear").isFalse();
      assertThatThrownBy(() -> sql.rows("SELECT * FROM statsig.tags")).hasMessageContaining("not found");
      assertThatThrownBy(() -> sql.rows("SELECT * FROM TABLE(statsig.tool('Update_Gate_Entirely', '{\"params\":{}}'))"))
          .hasStackTraceContaining("not callable");
      assertThatThrownBy(() -> sql.rows("SELECT * FROM TABLE(statsig.tool('Get_List_of_Tags', '{\"params\":{}}'))"))
          .hasStackTraceContaining("destructiveHint");
    }
    assertThat(raw.calls()).isEmpty();
  }
}
