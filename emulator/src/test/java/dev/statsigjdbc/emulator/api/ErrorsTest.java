package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  private final InMemoryConsoleApi api = Fixtures.api();

  private static void assertApiError(Runnable call, int status, String messagePart) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.getMessage()).contains(messagePart);
    });
  }

  @Test
  void unknownIdsAre404WithTheIdInTheMessage() {
    assertApiError(() -> Req.get("/console/v1/experiments/{id}").path("id", "no_such_exp").on(api), 404,
        "Experiment 'no_such_exp' not found");
    assertApiError(() -> Req.get("/console/v1/gates/{id}/rules").path("id", "nope").on(api), 404, "Gate 'nope'");
    assertApiError(() -> Req.get("/console/v1/gates/{id}/rules/{ruleID}/pulse_results").path("id", "new_onboarding")
        .path("ruleID", "r0").on(api), 404, "Rule 'r0'");
    assertApiError(() -> Req.get("/console/v1/metrics/{id}").path("id", "nope::sum").on(api), 404, "nope::sum");
    assertApiError(() -> Req.get("/console/v1/layers/{id}/experiments").path("id", "x").on(api), 404, "Layer 'x'");
    assertApiError(() -> Req.of("DELETE", "/console/v1/gates/{id}").path("id", "ghost").on(api), 404, "ghost");
    assertApiError(() -> Req.get("/console/v1/holdouts").on(api), 404, "does not model GET /console/v1/holdouts");
  }

  @Test
  void badQueriesAre400() {
    assertApiError(() -> Req.get("/console/v1/metrics").query("id", "activation").query("date", "2026-11-01").on(api),
        400, "name::type");
    assertApiError(() -> Req.get("/console/v1/metrics").query("id", "activation::event_user").query("date", "11/01/2026")
        .on(api), 400, "YYYY-MM-DD");
    assertApiError(() -> Req.get("/console/v1/metrics/values").on(api), 400, "'date' is required");
    assertApiError(() -> Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "checkout_v2")
        .query("confidence", "high").on(api), 400, "'confidence'");
    assertApiError(() -> Req.get("/console/v1/audit_logs").query("sortKey", "name").on(api), 400, "sortKey");
  }

  @Test
  void badBodiesOnWritesAre400AndNotCounted() {
    assertApiError(() -> Req.of("POST", "/console/v1/experiments").on(api), 400, "must be a JSON object");
    assertApiError(() -> Req.of("POST", "/console/v1/experiments").body("{\"description\":\"x\"}").on(api), 400,
        "'name' is required");
    assertApiError(() -> Req.of("POST", "/console/v1/experiments").body("{\"name\":7}").on(api), 400,
        "'name' must be of type string");
    assertApiError(() -> Req.of("POST", "/console/v1/experiments")
        .body("{\"name\":\"x\",\"groups\":[{\"name\":\"a\",\"size\":30},{\"name\":\"b\",\"size\":30}]}").on(api), 400,
        "add up to 100");
    assertApiError(() -> Req.of("POST", "/console/v1/gates").body("{\"name\":\"new_onboarding\"}").on(api), 400,
        "already exists");
    assertApiError(() -> Req.of("PUT", "/console/v1/experiments/{id}/start").path("id", "checkout_v2").on(api), 400,
        "in status 'decision_made'");
    assertApiError(() -> Req.of("POST", "/console/v1/tags").body("{\"name\":\"x\"}").on(api), 400, "'description'");
    assertThat(api.writeCount()).isZero();
  }

  @Test
  void exposureCountRefusesMoreThan25Ids() {
    List<String> gates = new java.util.ArrayList<>();
    Req.get("/console/v1/gates").query("limit", 26).on(api).path("data").forEach(g -> gates.add(g.path("id").asText()));
    assertApiError(() -> Req.get("/console/v1/exposure_count").queryArray("gates", gates).on(api), 400,
        "At most 25 gates per call, got 26");
    var ok = Req.get("/console/v1/exposure_count").queryArray("gates", gates.subList(0, 25))
        .queryArray("experiments", List.of("checkout_v2", "welcome_email_series")).query("dynamicConfigs", "onboarding_steps")
        .on(api).path("data");
    assertThat(ok.path("gates")).hasSize(25);
    assertThat(ok.path("experiments").get(0).path("past7Days").asLong())
        .isGreaterThanOrEqualTo(ok.path("experiments").get(0).path("pastDay").asLong());
    assertThat(ok.path("dynamicConfigs").get(0).path("pastDay").asLong()).isPositive();
    assertThat(IntStream.range(0, 25).mapToObj(i -> ok.path("gates").get(i).path("id").asText()))
        .containsExactlyElementsOf(gates.subList(0, 25));
  }
}
