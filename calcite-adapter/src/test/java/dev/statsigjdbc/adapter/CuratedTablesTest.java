package dev.statsigjdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each curated table returns the fixture's rows through a real Calcite JDBC connection. */
class CuratedTablesTest {

  private final JsonNode fx = FixtureToolSource.fixtures();
  private FixtureToolSource source;
  private Sql sql;

  @BeforeEach
  void connect() throws Exception {
    source = FixtureToolSource.statsig();
    sql = Sql.connect(source);
  }

  @AfterEach
  void close() throws Exception {
    sql.close();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  @Test
  void experimentsAreTheListedExperimentsWithConvertedTypes() throws Exception {
    List<Map<String, Object>> rows = sql.rows("SELECT * FROM statsig.experiments");
    List<JsonNode> expected = list(fx.get("experiments"));
    assertThat(rows).extracting(r -> r.get("id"), r -> r.get("status"), r -> r.get("name"))
        .containsExactlyElementsOf(expected.stream()
            .map(e -> tuple(e.get("id").asText(), e.get("status").asText(), e.get("name").asText())).toList());
    JsonNode first = expected.get(0);
    assertThat(rows.get(0).get("created_time"))
        .isEqualTo(Timestamp.from(Instant.ofEpochMilli(first.get("createdTime").asLong())));
    assertThat(rows.get(0).get("groups")).isEqualTo(first.get("groups").toString());
    assertThat(rows.get(0).get("allocation")).isEqualTo(first.get("allocation").asDouble());
  }

  @Test
  void experimentGroupsAndMetricsComeFromEachExperiment() throws Exception {
    List<Object> expectedGroups = new ArrayList<>();
    List<Object> expectedMetrics = new ArrayList<>();
    for (JsonNode e : fx.get("experiments")) {
      e.get("groups").forEach(g -> expectedGroups.add(tuple(e.get("id").asText(), g.get("id").asText(), g.get("size").asDouble())));
      e.get("primaryMetrics").forEach(m -> expectedMetrics.add(tuple(e.get("id").asText(), "primary", m.get("name").asText())));
      e.get("secondaryMetrics").forEach(m -> expectedMetrics.add(tuple(e.get("id").asText(), "secondary", m.get("name").asText())));
    }
    assertThat(sql.rows("SELECT experiment_id, group_id, size FROM statsig.experiment_groups"))
        .extracting(r -> tuple(r.get("experiment_id"), r.get("group_id"), r.get("size")))
        .containsExactlyElementsOf(expectedGroups.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());
    assertThat(sql.rows("SELECT experiment_id, role, metric_name FROM statsig.experiment_metrics"))
        .extracting(r -> tuple(r.get("experiment_id"), r.get("role"), r.get("metric_name")))
        .containsExactlyInAnyOrderElementsOf(expectedMetrics.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());
  }

  @Test
  void experimentResultsReadSnakeCaseAndCamelCasePayloads() throws Exception {
    List<Map<String, Object>> snake = sql.rows(
        "SELECT * FROM statsig.experiment_results WHERE experiment_id = 'checkout_v2'");
    JsonNode snakeFx = fx.at("/experimentResults/checkout_v2~1g_test");
    assertThat(snake).extracting(r -> r.get("test_group_id"), r -> r.get("metric_role"), r -> r.get("metric_id"))
        .containsExactly(
            tuple("g_test", "primary", snakeFx.at("/primaryMetrics/0/metricID").asText()),
            tuple("g_test", "secondary", snakeFx.at("/secondaryMetrics/0/metricID").asText()));
    assertThat(snake.get(0).get("p_value")).isEqualTo(snakeFx.at("/primaryMetrics/0/p_value").asDouble());
    assertThat(snake.get(0).get("test_units")).isEqualTo(snakeFx.at("/primaryMetrics/0/test_units").asLong());
    assertThat(snake.get(0).get("percent_change")).isEqualTo(snakeFx.at("/primaryMetrics/0/percent_change").asDouble());

    source.clearLog();
    List<Map<String, Object>> camel = sql.rows(
        "SELECT * FROM statsig.experiment_results WHERE experiment_id = 'daily_deals'");
    JsonNode camelFx = fx.at("/experimentResults/daily_deals~1dd_b/secondaryMetrics/0");
    assertThat(camel).extracting(r -> r.get("test_group_id")).containsExactly("dd_a", "dd_b", "dd_b");
    Map<String, Object> revenue = camel.get(2);
    assertThat(revenue.get("p_value")).isEqualTo(camelFx.get("pValue").asDouble());
    assertThat(revenue.get("control_units")).isEqualTo(camelFx.get("controlUnits").asLong());
    assertThat(revenue.get("absolute_change")).isEqualTo(camelFx.get("absoluteChange").asDouble());
    assertThat(source.calls("Get_Experiment_Overall_Results"))
        .allSatisfy(c -> assertThat(c.param("query_control").asText()).isEqualTo("dd_c"));
  }

  @Test
  void experimentExposuresArePerGroupPerDay() throws Exception {
    List<Object> expected = new ArrayList<>();
    for (JsonNode g : fx.at("/cumulativeExposures/checkout_v2")) {
      g.get("results").forEach(d -> expected.add(tuple(g.get("groupID").asText(),
          Date.valueOf(LocalDate.parse(d.get("date").asText())), d.get("exposures").asLong())));
    }
    assertThat(sql.rows("SELECT group_id, ds, exposures FROM statsig.experiment_exposures WHERE experiment_id = 'checkout_v2'"))
        .extracting(r -> tuple(r.get("group_id"), r.get("ds"), r.get("exposures")))
        .containsExactlyElementsOf(expected.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());
  }

  @Test
  void gatesRulesAndRuleResults() throws Exception {
    assertThat(sql.rows("SELECT id, status, is_enabled FROM statsig.gates"))
        .extracting(r -> tuple(r.get("id"), r.get("status"), r.get("is_enabled")))
        .containsExactlyElementsOf(list(fx.get("gates")).stream()
            .map(g -> tuple(g.get("id").asText(), g.get("status").asText(), g.get("isEnabled").asBoolean())).toList());
    List<Object> rules = new ArrayList<>();
    fx.get("gates").forEach(g -> g.get("rules").forEach(r -> rules.add(tuple(g.get("id").asText(), r.get("id").asText(), r.get("passPercentage").asDouble()))));
    assertThat(sql.rows("SELECT gate_id, rule_id, pass_percentage FROM statsig.gate_rules"))
        .extracting(r -> tuple(r.get("gate_id"), r.get("rule_id"), r.get("pass_percentage")))
        .containsExactlyElementsOf(rules.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());

    List<Map<String, Object>> results = sql.rows("SELECT * FROM statsig.gate_results WHERE gate_id = 'new_checkout'");
    List<Object> expected = new ArrayList<>();
    for (String rule : List.of("r_emp", "r_ca")) {
      fx.at("/gateResults/new_checkout~1" + rule + "/monitoringMetrics").forEach(m -> expected.add(
          tuple(rule, m.get("metricID").asText(), m.get("testUnits").asLong(), m.get("controlUnits").asLong())));
    }
    assertThat(results).extracting(r -> tuple(r.get("rule_id"), r.get("metric_id"), r.get("units_passed"), r.get("units_failed")))
        .containsExactlyElementsOf(expected.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());
    assertThat(results.get(0).get("ds")).isEqualTo(Date.valueOf("2024-09-12"));
  }

  @Test
  void exposureCountsAreBatchedAtMost25IdsPerCall() throws Exception {
    List<Map<String, Object>> rows = sql.rows(
        "SELECT id, past_day, past_7_days FROM statsig.exposure_counts WHERE entity_type = 'gate' AND id IN ('new_checkout', 'dark_mode')");
    JsonNode counts = fx.at("/exposureCounts/gates");
    assertThat(rows).extracting(r -> tuple(r.get("id"), r.get("past_day"), r.get("past_7_days")))
        .containsExactlyInAnyOrder(
            tuple("new_checkout", counts.at("/new_checkout/pastDay").asLong(), counts.at("/new_checkout/past7Days").asLong()),
            tuple("dark_mode", counts.at("/dark_mode/pastDay").asLong(), counts.at("/dark_mode/past7Days").asLong()));
    assertThat(source.calls("Get_Exposure_Count")).hasSize(1);
  }

  @Test
  void metricsAndMetricValuesPerDay() throws Exception {
    assertThat(sql.rows("SELECT id, type, is_verified FROM statsig.metrics"))
        .extracting(r -> tuple(r.get("id"), r.get("type"), r.get("is_verified")))
        .containsExactlyElementsOf(list(fx.get("metrics")).stream()
            .map(m -> tuple(m.get("id").asText(), m.get("type").asText(), m.get("isVerified").asBoolean())).toList());

    List<Map<String, Object>> values = sql.rows("SELECT ds, unit_type, \"value\" FROM statsig.metric_values "
        + "WHERE metric_id = 'Purchase::user_warehouse' AND ds BETWEEN DATE '2024-09-01' AND DATE '2024-09-03'");
    List<Object> expected = new ArrayList<>();
    for (String day : List.of("2024-09-01", "2024-09-02", "2024-09-03")) {
      fx.at("/metricValues/Purchase::user_warehouse~1" + day).forEach(v ->
          expected.add(tuple(Date.valueOf(day), v.get("unit_type").asText(), v.get("value").asDouble())));
    }
    assertThat(values).extracting(r -> tuple(r.get("ds"), r.get("unit_type"), r.get("value")))
        .containsExactlyElementsOf(expected.stream().map(t -> (org.assertj.core.groups.Tuple) t).toList());
    assertThat(source.calls("Get_Metric_Value")).extracting(c -> c.param("query_date").asText())
        .containsExactlyInAnyOrder("2024-09-01", "2024-09-02", "2024-09-03");
  }

  @Test
  void configsLayersSegmentsTagsAuditLogs() throws Exception {
    for (String[] t : new String[][] {{"dynamic_configs", "dynamicConfigs"}, {"layers", "layers"}, {"segments", "segments"},
        {"tags", "tags"}, {"audit_logs", "auditLogs"}}) {
      assertThat(sql.rows("SELECT id, name FROM statsig." + t[0]))
          .as(t[0])
          .extracting(r -> tuple(r.get("id"), r.get("name")))
          .containsExactlyElementsOf(list(fx.get(t[1])).stream()
              .map(e -> tuple(e.get("id").asText(), e.get("name").asText())).toList());
    }
    assertThat(sql.rows("SELECT \"schema\", default_value FROM statsig.dynamic_configs WHERE id = 'dc_limit'"))
        .containsExactly(Map.of("schema", "{\"type\":\"object\"}", "default_value", "{\"limit\":10}"));
  }
}
