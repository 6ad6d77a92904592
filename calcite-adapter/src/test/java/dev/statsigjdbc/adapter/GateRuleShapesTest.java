package dev.statsigjdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gate-rules tool answers {@code data: {rules: [...]}} (the spec's example) or {@code data: [...]}
 * (the spec's schema); both fill gate_rules, and drifted tool names resolve to their alternates.
 */
class GateRuleShapesTest {

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void bothRuleShapesAreRead(boolean wrapped) throws Exception {
    JsonNode gate = FixtureToolSource.fixtures().at("/gates/0");
    Function<JsonNode, JsonNode> shape = rules -> wrapped ? JsonNodeFactory.instance.objectNode().set("rules", rules) : rules;
    FixtureToolSource source = FixtureToolSource.statsig().tool(ToolDescriptor.of("Get_Gate_Rules", "Rules of a gate"),
        params -> FixtureToolSource.single("Gate rules read successfully.", shape.apply(gate.get("rules"))));
    try (Sql sql = Sql.connect(source)) {
      List<Map<String, Object>> rows = sql.rows(
          "SELECT rule_id, name, environment FROM statsig.gate_rules WHERE gate_id = '" + gate.get("id").asText() + "'");
      assertThat(rows).extracting(r -> r.get("rule_id"))
          .containsExactlyElementsOf(gate.get("rules").findValuesAsText("id"));
      assertThat(source.calls("Get_Gate_Rules")).hasSize(1);
      assertThat(source.calls("Get_Gate_Details_by_ID")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Get_Segment_by_ID", "Get_Segment_Details_by_ID"})
  void driftedToolNamesResolveToTheirAlternates(String getTool) throws Exception {
    JsonNode segments = FixtureToolSource.fixtures().get("segments");
    FixtureToolSource source = FixtureToolSource.statsig().without("Get_Segment_by_ID")
        .get(getTool, (com.fasterxml.jackson.databind.node.ArrayNode) segments);
    try (Sql sql = Sql.connect(source)) {
      assertThat(sql.rows("SELECT name FROM statsig.segments WHERE id = 'blocked_ids'"))
          .containsExactly(Map.of("name", "Blocked IDs"));
      assertThat(source.calls(getTool)).hasSize(1);
      assertThat(source.calls("Get_List_of_Segments")).isEmpty();
    }
  }
}
