package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.data.Calendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stories the demo data must tell, read through the API as a client would. */
class DemoDataTest {
  private final InMemoryConsoleApi api = Fixtures.api();

  private JsonNode allExperiments() {
    return Req.get("/console/v1/experiments").query("limit", 1000).on(api).path("data");
  }

  private JsonNode metricResult(String experiment, String metricId) {
    JsonNode data = Req.get("/console/v1/experiments/{id}/pulse_results").path("id", experiment).on(api).path("data");
    for (JsonNode m : data.path("primaryMetrics")) {
      if (m.path("metricID").asText().equals(metricId)) {
        return m;
      }
    }
    throw new AssertionError(metricId + " not among the primary metrics of " + experiment + ": " + data);
  }

  @Test
  void checkoutExperimentShippedATestGroupThatSignificantlyRaisedRevenuePerUser() {
    JsonNode exp = Req.get("/console/v1/experiments/{id}").path("id", "checkout_v2").on(api).path("data");
    assertThat(exp.path("status").asText()).isEqualTo("decision_made");
    assertThat(exp.path("launchedGroupID").asText()).isNotEqualTo(exp.path("controlGroupID").asText());

    JsonNode revenue = metricResult("checkout_v2", "revenue_per_user::sum");
    assertThat(revenue.path("percentChange").asDouble()).isPositive();
    assertThat(revenue.path("pValue").asDouble()).isLessThan(0.05);
    assertThat(revenue.path("absoluteChange").asDouble()).isGreaterThan(revenue.path("confidenceIntervalDelta").asDouble());
  }

  @Test
  void onboardingChecklistDidNotMoveActivation() {
    JsonNode activation = metricResult("onboarding_checklist", "activation::event_user");
    assertThat(activation.path("pValue").asDouble()).isGreaterThan(0.05);
    assertThat(Math.abs(activation.path("absoluteChange").asDouble()))
        .isLessThan(activation.path("confidenceIntervalDelta").asDouble());
  }

  @Test
  void pulseNumbersAreInternallyConsistent() {
    for (JsonNode exp : allExperiments()) {
      JsonNode data = Req.get("/console/v1/experiments/{id}/pulse_results").path("id", exp.path("id").asText()).on(api)
          .path("data");
      for (JsonNode m : data.path("primaryMetrics")) {
        double change = m.path("testMean").asDouble() - m.path("controlMean").asDouble();
        assertThat(m.path("absoluteChange").asDouble()).isCloseTo(change, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(m.path("percentChange").asDouble())
            .isCloseTo(100 * change / m.path("controlMean").asDouble(), org.assertj.core.data.Offset.offset(1e-3));
        boolean ciExcludesZero = Math.abs(change) > m.path("confidenceIntervalDelta").asDouble();
        double alpha = 1 - exp.path("defaultConfidenceInterval").asDouble() / 100;
        assertThat(m.path("pValue").asDouble() < alpha).as("%s %s", exp.path("id"), m).isEqualTo(ciExcludesZero);
      }
    }
  }

  @Test
  void hasAboutSixtyExperimentsInEveryStatusWithDecisionsThisAndLastQuarter() {
    JsonNode experiments = allExperiments();
    assertThat(experiments.size()).isEqualTo(60);
    Set<String> statuses = new HashSet<>();
    List<LocalDate> decisions = new ArrayList<>();
    experiments.forEach(e -> {
      statuses.add(e.path("status").asText());
      if (e.hasNonNull("decisionTime")) {
        decisions.add(Calendar.dayOf(e.path("decisionTime").asLong()));
      }
    });
    assertThat(statuses).containsExactlyInAnyOrder("active", "setup", "decision_made", "abandoned", "archived",
        "experiment_stopped", "assignment_stopped");
    LocalDate quarterStart = LocalDate.of(2026, 10, 1);
    assertThat(decisions).anyMatch(d -> !d.isBefore(quarterStart) && d.isBefore(Fixtures.TODAY));
    assertThat(decisions).anyMatch(d -> !d.isBefore(quarterStart.minusMonths(3)) && d.isBefore(quarterStart));
  }

  @Test
  void cumulativeExposuresGrowFromZeroToThePulseUnits() {
    JsonNode groups = Req.get("/console/v1/experiments/{id}/cumulative_exposures").path("id", "checkout_v2").on(api)
        .path("data");
    JsonNode revenue = metricResult("checkout_v2", "revenue_per_user::sum");
    assertThat(groups).hasSize(2);
    JsonNode control = groups.get(0).path("results");
    assertThat(control.get(0).path("exposures").asLong()).isZero();
    for (int i = 1; i < control.size(); i++) {
      assertThat(control.get(i).path("exposures").asLong()).isGreaterThanOrEqualTo(control.get(i - 1).path("exposures").asLong());
    }
    assertThat(control.get(control.size() - 1).path("exposures").asLong()).isEqualTo(revenue.path("controlUnits").asLong());
  }

  @Test
  void newOnboardingGateHasRulesWithPassedAndFailedUnits() {
    JsonNode gate = Req.get("/console/v1/gates/{id}").path("id", "new_onboarding").on(api).path("data");
    assertThat(gate.path("rules").size()).isGreaterThanOrEqualTo(2);
    JsonNode rule = gate.path("rules").get(1);
    assertThat(rule.path("passPercentage").asInt()).isEqualTo(50);
    JsonNode pulse = Req.get("/console/v1/gates/{id}/rules/{ruleID}/pulse_results").path("id", "new_onboarding")
        .path("ruleID", rule.path("id").asText()).on(api).path("data");
    JsonNode activation = pulse.path("monitoringMetrics").get(0);
    assertThat(activation.path("metricID").asText()).isEqualTo("activation::event_user");
    long passed = activation.path("testUnits").asLong();
    long failed = activation.path("controlUnits").asLong();
    assertThat(passed).isPositive();
    assertThat((double) passed / (passed + failed)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    assertThat(Req.get("/console/v1/gates").query("limit", 1000).on(api).path("data").size()).isEqualTo(120);
  }

  @Test
  void everyMetricHasAValueOnEachOfTheLast180Days() {
    LocalDate first = Fixtures.TODAY.minusDays(180);
    for (String metric : List.of("activation::event_user", "revenue_per_user::sum", "d7_retention::ratio",
        "checkout_conversion::funnel")) {
      for (LocalDate d = first; d.isBefore(Fixtures.TODAY); d = d.plusDays(1)) {
        JsonNode data = Req.get("/console/v1/metrics").query("id", metric).query("date", d.toString()).on(api).path("data");
        assertThat(data).as("%s on %s", metric, d).hasSize(1);
        assertThat(data.get(0).path("value").asDouble()).isPositive();
      }
    }
    assertThat(Req.get("/console/v1/metrics").query("id", "activation::event_user")
        .query("date", first.minusDays(1).toString()).on(api).path("data")).isEmpty();
    JsonNode day = Req.get("/console/v1/metrics/values").query("date", "2026-11-01").on(api);
    assertThat(day.path("data").size()).isEqualTo(day.path("pagination").path("totalItems").asInt()).isGreaterThan(10);
  }

  @Test
  void layersContainExperimentsAndTagsAreUsed() {
    JsonNode layerExperiments = Req.get("/console/v1/layers/{id}/experiments").path("id", "checkout_layer").on(api)
        .path("data");
    assertThat(layerExperiments).isNotEmpty().allSatisfy(e -> assertThat(e.path("layerID").asText()).isEqualTo("checkout_layer"));
    JsonNode tagged = Req.get("/console/v1/experiments").query("tags", "checkout").on(api).path("data");
    assertThat(tagged).isNotEmpty();
    JsonNode config = Req.get("/console/v1/dynamic_configs/{id}").path("id", "search_ranking_weights").on(api).path("data");
    assertThat(config.path("schema").isTextual()).isTrue();
    assertThat(Req.get("/console/v1/audit_logs").on(api).path("pagination").path("totalItems").asInt()).isEqualTo(3000);
  }
}
