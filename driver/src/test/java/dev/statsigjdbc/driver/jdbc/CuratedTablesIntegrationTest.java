package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each curated table, through jdbc:statsig: over real HTTP, returns what the emulator holds. */
class CuratedTablesIntegrationTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static Connection connection;

  @BeforeAll
  static void connect() throws Exception {
    connection = emulator.connect();
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
  }

  @Test
  void experimentsAreEveryExperimentOfTheProject() throws Exception {
    List<String> expected = ids(emulator.get("/console/v1/experiments", Map.of(), Map.of("limit", "1000")).path("data"));

    assertThat(column(rows(connection, "SELECT id FROM experiments"), "id")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void experimentGroupsAreTheGroupsOfTheExperiment() throws Exception {
    JsonNode experiment = emulator.get("/console/v1/experiments/{id}", Map.of("id", "checkout_v2"), Map.of()).path("data");

    List<Map<String, Object>> rows =
        rows(connection, "SELECT group_id, name, is_control FROM experiment_groups WHERE experiment_id = 'checkout_v2'");

    assertThat(column(rows, "group_id")).containsExactlyElementsOf(ids(experiment.path("groups")));
    // The payload has no per-group flag: the control is the group the experiment names.
    String control = experiment.path("controlGroupID").asText();
    assertThat(rows).allSatisfy(row ->
        assertThat(row.get("is_control")).as("is_control of %s", row.get("group_id")).isEqualTo(row.get("group_id").equals(control)));
  }

  @Test
  void experimentResultsAreThePulseResultsOfEachTestGroupAgainstControl() throws Exception {
    JsonNode experiment = emulator.get("/console/v1/experiments/{id}", Map.of("id", "checkout_v2"), Map.of()).path("data");
    String control = experiment.path("controlGroupID").asText();
    List<String> expected = new ArrayList<>();
    for (JsonNode group : experiment.path("groups")) {
      String test = group.path("id").asText();
      if (test.equals(control)) {
        continue;
      }
      JsonNode pulse = emulator.get("/console/v1/experiments/{id}/pulse_results", Map.of("id", "checkout_v2"),
          Map.of("control", control, "test", test)).path("data");
      for (String list : List.of("primaryMetrics", "primary_metrics", "secondaryMetrics", "secondary_metrics")) {
        pulse.path(list).forEach(m -> expected.add(test + "/" + m.path(m.has("metricID") ? "metricID" : "metric_id").asText()));
      }
    }

    List<Map<String, Object>> rows = rows(connection,
        "SELECT test_group_id, metric_id, percent_change FROM experiment_results WHERE experiment_id = 'checkout_v2'");

    assertThat(rows).extracting(r -> r.get("test_group_id") + "/" + r.get("metric_id"))
        .containsExactlyInAnyOrderElementsOf(expected)
        .contains(rows.get(0).get("test_group_id") + "/revenue_per_user::sum");
  }

  @Test
  void gatesAreEveryGateOfTheProject() throws Exception {
    List<String> expected = ids(emulator.get("/console/v1/gates", Map.of(), Map.of("limit", "1000")).path("data"));

    assertThat(column(rows(connection, "SELECT id FROM gates"), "id")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void gateRulesAreTheRulesOfTheGate() throws Exception {
    JsonNode data = emulator.get("/console/v1/gates/{id}/rules", Map.of("id", "new_onboarding"), Map.of()).path("data");
    JsonNode rules = data.has("rules") ? data.path("rules") : data;

    List<Map<String, Object>> rows =
        rows(connection, "SELECT rule_id, pass_percentage FROM gate_rules WHERE gate_id = 'new_onboarding'");

    assertThat(column(rows, "rule_id")).containsExactlyElementsOf(ids(rules));
  }

  @Test
  void gateResultsAreThePulseResultsOfEachRule() throws Exception {
    JsonNode data = emulator.get("/console/v1/gates/{id}/rules", Map.of("id", "new_onboarding"), Map.of()).path("data");
    List<String> expected = new ArrayList<>();
    for (String rule : ids(data.has("rules") ? data.path("rules") : data)) {
      JsonNode pulse = emulator.get("/console/v1/gates/{id}/rules/{ruleID}/pulse_results",
          Map.of("id", "new_onboarding", "ruleID", rule), Map.of()).path("data");
      pulse.path("monitoringMetrics").forEach(m -> expected.add(rule + "/" + m.path("metricID").asText()));
    }

    List<Map<String, Object>> rows =
        rows(connection, "SELECT rule_id, metric_id, units_passed FROM gate_results WHERE gate_id = 'new_onboarding'");

    assertThat(rows).extracting(r -> r.get("rule_id") + "/" + r.get("metric_id"))
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void metricsAreEveryMetricDefinition() throws Exception {
    List<String> expected = ids(emulator.get("/console/v1/metrics/list", Map.of(), Map.of("limit", "1000")).path("data"));

    assertThat(column(rows(connection, "SELECT id FROM metrics"), "id")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void metricValuesAreOneRowPerDayOfTheRange() throws Exception {
    LocalDate from = StatsigEmulator.TODAY.minusDays(7);
    List<Object> expected = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(from.plusDays(2)); day = day.plusDays(1)) {
      JsonNode data = emulator.get("/console/v1/metrics", Map.of(),
          Map.of("id", "revenue_per_user::sum", "date", day.toString())).path("data");
      (data.isArray() ? data : List.of(data)).forEach(v -> expected.add(v.path("value").asDouble()));
    }

    List<Map<String, Object>> rows = rows(connection, "SELECT ds, \"value\" FROM metric_values"
        + " WHERE metric_id = 'revenue_per_user::sum' AND ds BETWEEN DATE '" + from + "' AND DATE '" + from.plusDays(2)
        + "' ORDER BY ds");

    assertThat(column(rows, "value")).hasSize(3).containsExactlyElementsOf(expected);
  }

  @Test
  void tagsAreEveryTag() throws Exception {
    List<String> expected = ids(emulator.get("/console/v1/tags", Map.of(), Map.of("limit", "1000")).path("data"));

    assertThat(column(rows(connection, "SELECT id FROM tags"), "id")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void auditLogsHonourLimit() throws Exception {
    List<String> expected = ids(emulator.get("/console/v1/audit_logs", Map.of(), Map.of("limit", "5")).path("data"));

    assertThat(column(rows(connection, "SELECT id FROM audit_logs LIMIT 5"), "id")).containsExactlyElementsOf(expected);
  }

  @Test
  void auditLogsHaveATimestampToFilterAndSortBy() throws Exception {
    JsonNode newest = emulator.get("/console/v1/audit_logs", Map.of(), Map.of("limit", "5")).path("data");
    List<String> ids = ids(newest);
    List<String> moments = new ArrayList<>();
    newest.forEach(entry -> moments.add(LocalDateTime.parse(entry.path("date").asText() + " " + entry.path("time").asText().substring(0, 8),
        DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss", Locale.ROOT)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
    String since = "SELECT id, CAST(changed_at AS VARCHAR) AS t FROM audit_logs WHERE changed_at >= TIMESTAMP '" + moments.get(4) + "'";

    List<Map<String, Object>> newestFirst = rows(connection, since + " ORDER BY changed_at DESC");
    assertThat(column(newestFirst, "id")).containsExactlyElementsOf(ids);
    assertThat(column(newestFirst, "t")).containsExactlyElementsOf(moments);
    List<String> oldestFirst = new ArrayList<>(ids);
    Collections.reverse(oldestFirst);
    assertThat(column(rows(connection, since + " ORDER BY changed_at"), "id")).containsExactlyElementsOf(oldestFirst);
    Map<String, Object> counts = rows(connection, "SELECT COUNT(*) AS entries, COUNT(changed_at) AS dated FROM audit_logs").get(0);
    assertThat(counts.get("dated")).as("every entry's date and time parse").isEqualTo(counts.get("entries")).isNotEqualTo(0L);
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private static List<Object> column(List<Map<String, Object>> rows, String name) {
    return rows.stream().map(r -> r.get(name)).toList();
  }
}
