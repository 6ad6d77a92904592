package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterAndQuirksTest {
  private final InMemoryConsoleApi api = Fixtures.api();

  private static List<String> statuses(JsonNode body) {
    return body.path("data").findValuesAsText("status");
  }

  @Test
  void statusFilterTakesOneStatusOrAnArray() {
    JsonNode active = Req.get("/console/v1/experiments").query("status", "active").on(api);
    assertThat(statuses(active)).isNotEmpty().containsOnly("active");
    assertThat(active.path("pagination").path("totalItems").asInt()).isEqualTo(active.path("data").size());

    JsonNode two = Req.get("/console/v1/experiments").queryArray("status", List.of("active", "decision_made")).on(api);
    assertThat(statuses(two)).contains("active", "decision_made").containsOnly("active", "decision_made");
    long decided = Req.get("/console/v1/experiments").query("status", "decision_made").on(api).path("data").size();
    assertThat(two.path("data").size()).isEqualTo(active.path("data").size() + decided);

    assertThatThrownBy(() -> Req.get("/console/v1/experiments").query("status", "running").on(api))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains("running").contains("decision_made");
        });
  }

  @Test
  void otherListFilters() {
    assertThat(Req.get("/console/v1/experiments").query("layerID", "search_ranking_layer").on(api).path("data"))
        .allSatisfy(e -> assertThat(e.path("layerID").asText()).isEqualTo("search_ranking_layer"));
    assertThat(Req.get("/console/v1/experiments").query("idType", "stableID").on(api).path("data"))
        .isNotEmpty().allSatisfy(e -> assertThat(e.path("idType").asText()).isEqualTo("stableID"));
    assertThat(Req.get("/console/v1/gates").query("type", "PERMANENT").on(api).path("data"))
        .isNotEmpty().allSatisfy(g -> assertThat(g.path("status").asText()).isEqualTo("Launched"));
    assertThat(Req.get("/console/v1/metrics/{id}/experiments").path("id", "activation::event_user").on(api).path("data")
        .findValuesAsText("id")).contains("onboarding_checklist").doesNotContain("checkout_v2");
  }

  @Test
  void pulseResultsComeInBothCaseConventions() {
    JsonNode camel = Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "checkout_v2").on(api)
        .path("data").path("primaryMetrics").get(0);
    assertThat(camel.has("percentChange")).isTrue();
    assertThat(camel.has("pValue")).isTrue();
    assertThat(camel.has("testUnits")).isTrue();

    InMemoryConsoleApi snakeApi = Fixtures.api(ApiQuirks.specExamples());
    JsonNode snake = Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "checkout_v2").on(snakeApi)
        .path("data").path("primaryMetrics").get(0);
    assertThat(snake.has("percent_change")).isTrue();
    assertThat(snake.has("p_value")).isTrue();
    assertThat(snake.path("test_units").asLong()).isEqualTo(camel.path("testUnits").asLong());
    assertThat(snake.path("value").asDouble()).isEqualTo(camel.path("absoluteChange").asDouble());
    assertThat(snake.path("metricID").asText()).isEqualTo("revenue_per_user::sum");
    assertThat(snake.has("percentChange")).isFalse();
  }

  @Test
  void pulseResultsCompareControlWithEveryTestGroupOrTheNamedOne() {
    JsonNode exp = Req.get("/console/v1/experiments/{id}").path("id", "welcome_email_series").on(api).path("data");
    JsonNode groups = exp.path("groups");
    assertThat(groups).hasSize(3);
    JsonNode all = Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "welcome_email_series").on(api)
        .path("data").path("primaryMetrics");
    assertThat(all.findValuesAsText("testGroupID")).containsExactly(groups.get(1).path("id").asText(),
        groups.get(2).path("id").asText());
    JsonNode one = Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "welcome_email_series")
        .query("control", groups.get(0).path("id").asText()).query("test", groups.get(2).path("id").asText())
        .query("confidence", "80").on(api).path("data").path("primaryMetrics");
    assertThat(one).hasSize(1);
    assertThat(exp.path("defaultConfidenceInterval").asDouble()).isGreaterThan(80);
    assertThat(one.get(0).path("confidenceIntervalDelta").asDouble())
        .isLessThan(all.get(1).path("confidenceIntervalDelta").asDouble());
    assertThatThrownBy(() -> Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "welcome_email_series")
        .query("test", "nope").on(api)).hasMessageContaining("'nope' is not a group");
    JsonNode corrected = Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "welcome_email_series")
        .query("applyBonferroniPerVariant", "true").on(api).path("data").path("primaryMetrics");
    assertThat(corrected.get(0).path("confidenceIntervalDelta").asDouble())
        .isGreaterThan(all.get(0).path("confidenceIntervalDelta").asDouble());
    assertThat(corrected.get(0).path("pValue").asDouble()).isEqualTo(all.get(0).path("pValue").asDouble());
  }

  @Test
  void gateRulesAreWrappedOrBare() {
    JsonNode bare = Req.get("/console/v1/gates/{id}/rules").path("id", "new_onboarding").on(api).path("data");
    assertThat(bare.isArray()).isTrue();
    assertThat(bare).hasSize(3);
    JsonNode wrapped = Req.get("/console/v1/gates/{id}/rules").path("id", "new_onboarding")
        .on(Fixtures.api(ApiQuirks.specExamples())).path("data");
    assertThat(wrapped.isObject()).isTrue();
    assertThat(wrapped.path("rules")).isEqualTo(bare);
  }

  @Test
  void auditLogsFilterByEntityAndSortBothWays() {
    JsonNode forGate = Req.get("/console/v1/audit_logs").query("id", "new_onboarding").query("limit", 1000).on(api);
    assertThat(forGate.path("data")).isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("name").asText()).isEqualTo("new_onboarding"));
    JsonNode newest = Req.get("/console/v1/audit_logs").query("limit", 1).on(api).path("data").get(0);
    JsonNode oldestAsc = Req.get("/console/v1/audit_logs").query("sortOrder", "asc").query("limit", 1).on(api);
    JsonNode oldestDesc = Req.get("/console/v1/audit_logs").query("page", 3000).query("limit", 1).on(api);
    assertThat(oldestAsc.path("data").get(0)).isEqualTo(oldestDesc.path("data").get(0)).isNotEqualTo(newest);
  }
}
