package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WritesTest {
  private final InMemoryConsoleApi api = Fixtures.api();

  private JsonNode experiment(String id) {
    return Req.get("/console/v1/experiments/{id}").path("id", id).on(api).path("data");
  }

  private JsonNode gate(String id) {
    return Req.get("/console/v1/gates/{id}").path("id", id).on(api).path("data");
  }

  private JsonNode newestAuditEntry() {
    return Req.get("/console/v1/audit_logs").query("limit", 1).on(api).path("data").get(0);
  }

  @Test
  void experimentLifecycleChangesWhatReadsReturn() {
    int before = Req.get("/console/v1/experiments").on(api).path("pagination").path("totalItems").asInt();
    JsonNode created = Req.of("POST", "/console/v1/experiments").body("""
        {"name": "wishlist_reminders", "description": "Remind users of wishlist price drops",
         "hypothesis": "Reminders bring users back", "tags": ["retention"],
         "primaryMetrics": [{"name": "d7_retention", "type": "ratio"}]}""").on(api).path("data");
    assertThat(created.path("status").asText()).isEqualTo("setup");
    assertThat(created.path("groups")).hasSize(2);
    assertThat(Req.get("/console/v1/experiments").on(api).path("pagination").path("totalItems").asInt()).isEqualTo(before + 1);
    assertThat(newestAuditEntry().path("actionType").asText()).isEqualTo("experiment_create");
    assertThat(newestAuditEntry().path("name").asText()).isEqualTo("wishlist_reminders");

    Req.of("PUT", "/console/v1/experiments/{id}/start").path("id", "wishlist_reminders").on(api);
    assertThat(experiment("wishlist_reminders").path("status").asText()).isEqualTo("active");
    assertThat(Req.get("/console/v1/experiments/{id}/pulse_results").path("id", "wishlist_reminders").on(api)
        .path("data").path("primaryMetrics")).hasSize(1);

    String test = experiment("wishlist_reminders").path("groups").get(1).path("id").asText();
    Req.of("PUT", "/console/v1/experiments/{id}/make_decision").path("id", "wishlist_reminders")
        .body("{\"id\": \"" + test + "\", \"decisionReason\": \"Retention up\"}").on(api);
    JsonNode decided = experiment("wishlist_reminders");
    assertThat(decided.path("status").asText()).isEqualTo("decision_made");
    assertThat(decided.path("launchedGroupID").asText()).isEqualTo(test);
    assertThat(decided.path("version").asInt()).isEqualTo(3);

    Req.of("DELETE", "/console/v1/experiments/{id}").path("id", "wishlist_reminders").on(api);
    assertThatThrownBy(() -> experiment("wishlist_reminders")).isInstanceOf(ApiException.class);
    assertThat(api.writeCount()).isEqualTo(4);
    assertThat(api.writeCountsByOperation()).containsEntry("PUT /console/v1/experiments/{id}/start", 1L)
        .containsEntry("DELETE /console/v1/experiments/{id}", 1L);
  }

  @Test
  void fullReplaceDropsOmittedFieldsWhilePatchKeepsThem() {
    JsonNode original = experiment("guest_checkout");
    assertThat(original.path("hypothesis").asText()).isNotEmpty();

    Req.of("PATCH", "/console/v1/experiments/{id}").path("id", "guest_checkout")
        .body("{\"description\": \"Patched\"}").on(api);
    JsonNode patched = experiment("guest_checkout");
    assertThat(patched.path("description").asText()).isEqualTo("Patched");
    assertThat(patched.path("hypothesis").asText()).isEqualTo(original.path("hypothesis").asText());

    Req.of("POST", "/console/v1/experiments/{id}").path("id", "guest_checkout")
        .body("{\"description\": \"Replaced\", \"groups\": " + original.path("groups") + "}").on(api);
    JsonNode replaced = experiment("guest_checkout");
    assertThat(replaced.path("description").asText()).isEqualTo("Replaced");
    assertThat(replaced.has("hypothesis")).isFalse();
    assertThat(replaced.has("primaryMetrics")).isFalse();
    assertThat(replaced.path("status").asText()).isEqualTo(original.path("status").asText());
    assertThat(replaced.path("createdTime").asLong()).isEqualTo(original.path("createdTime").asLong());
    assertThat(replaced.path("lastModifierName").asText()).isEqualTo("CONSOLE API");

    assertThatThrownBy(() -> Req.of("PATCH", "/console/v1/experiments/{id}").path("id", "guest_checkout")
        .body("{\"status\": \"active\"}").on(api)).hasMessageContaining("cannot be set directly");
  }

  @Test
  void gateWritesEnableDisableLaunchAndReplace() {
    Req.of("PUT", "/console/v1/gates/{id}/disable").path("id", "new_onboarding").on(api);
    assertThat(gate("new_onboarding").path("isEnabled").asBoolean()).isFalse();
    assertThat(gate("new_onboarding").path("status").asText()).isEqualTo("Disabled");
    Req.of("PUT", "/console/v1/gates/{id}/enable").path("id", "new_onboarding").on(api);
    assertThat(gate("new_onboarding").path("isEnabled").asBoolean()).isTrue();
    Req.of("PUT", "/console/v1/gates/{id}/launch").path("id", "new_onboarding").on(api);
    assertThat(gate("new_onboarding").path("status").asText()).isEqualTo("Launched");
    assertThat(gate("new_onboarding").path("rules").findValuesAsText("passPercentage")).containsOnly("100");
    assertThat(Req.get("/console/v1/gates/{id}/versions").path("id", "new_onboarding").on(api).path("data")).hasSize(4);

    Req.of("POST", "/console/v1/gates").body("{\"name\": \"search_new_ranker\", \"description\": \"New ranker\","
        + " \"rules\": [{\"name\": \"Half\", \"passPercentage\": 50}]}").on(api);
    Req.of("POST", "/console/v1/gates/{id}").path("id", "search_new_ranker")
        .body("{\"rules\": [{\"name\": \"All\", \"passPercentage\": 100}]}").on(api);
    JsonNode replaced = gate("search_new_ranker");
    assertThat(replaced.has("description")).isFalse();
    assertThat(replaced.path("rules").get(0).path("id").asText()).isNotEmpty();
    JsonNode rules = Req.get("/console/v1/gates/{id}/rules").path("id", "search_new_ranker").on(api).path("data");
    assertThat(rules.get(0).path("name").asText()).isEqualTo("All");

    Req.of("PUT", "/emulator/gates/{id}/code_cleanup").path("id", "search_new_ranker").on(api);
    assertThat(gate("search_new_ranker").path("codeCleanup").path("status").asText()).isEqualTo("started");
    Req.of("PUT", "/emulator/experiments/{id}/code_cleanup").path("id", "checkout_v2").on(api);
    assertThat(experiment("checkout_v2").path("codeCleanup").path("status").asText()).isEqualTo("started");
    assertThat(api.writeCount()).isEqualTo(7);
  }

  @Test
  void otherCreatesAreReadable() {
    Req.of("POST", "/console/v1/dynamic_configs").body("{\"name\": \"banner_copy\", \"defaultValue\": {\"text\": \"Hi\"}}")
        .on(api);
    assertThat(Req.get("/console/v1/dynamic_configs/{id}").path("id", "banner_copy").on(api).path("data")
        .path("defaultValue").path("text").asText()).isEqualTo("Hi");
    Req.of("POST", "/console/v1/dynamic_configs/{id}").path("id", "banner_copy").body("{\"defaultValue\": {\"text\": \"Yo\"}}")
        .on(api);
    assertThat(Req.get("/console/v1/dynamic_configs/{id}/versions").path("id", "banner_copy").on(api).path("data")).hasSize(2);
    Req.of("POST", "/console/v1/layers").body("{\"name\": \"home_layer\", \"description\": \"Home page tests\"}").on(api);
    Req.of("POST", "/console/v1/layers/{id}").path("id", "home_layer").body("{\"description\": \"Home\"}").on(api);
    assertThat(Req.get("/console/v1/layers/{id}").path("id", "home_layer").on(api).path("data").path("description").asText())
        .isEqualTo("Home");
    Req.of("POST", "/console/v1/segments").body("{\"name\": \"vip\", \"type\": \"rule_based\", \"description\": \"VIPs\"}")
        .on(api);
    Req.of("POST", "/console/v1/segments/{id}/conditional").path("id", "vip")
        .body("{\"conditions\": [{\"type\": \"email\", \"operator\": \"any\", \"targetValue\": [\"vip@x.com\"]}]}").on(api);
    assertThat(Req.get("/console/v1/segments/{id}").path("id", "vip").on(api).path("data").path("rules").path("conditions"))
        .hasSize(1);
    JsonNode tag = Req.of("POST", "/console/v1/tags").body("{\"name\": \"experimental\", \"description\": \"Try-outs\"}")
        .on(api).path("data");
    assertThat(Req.get("/console/v1/tags/{id}").path("id", tag.path("id").asText()).on(api).path("data").path("name").asText())
        .isEqualTo("experimental");
    Req.of("POST", "/console/v1/autotunes").body("""
        {"name": "hero_banner", "variants": [{"name": "a"}, {"name": "b"}], "successEvent": "purchase",
         "explorationWindow": "24hr", "attributionWindow": "4hr", "winnerThreshold": "95%"}""").on(api);
    assertThat(api.writeCount()).isEqualTo(8);
    assertThat(Req.get("/console/v1/audit_logs").query("actionType", "segment_create").on(api).path("data")).hasSize(2);
  }
}
