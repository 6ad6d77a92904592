package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The operation keys the MCP layer maps tool names to. */
class OperationsTest {
  private static final List<String> READS = List.of(
      "/console/v1/experiments", "/console/v1/experiments/{id}", "/console/v1/experiments/{id}/pulse_results",
      "/console/v1/experiments/{id}/cumulative_exposures", "/console/v1/gates", "/console/v1/gates/{id}",
      "/console/v1/gates/{id}/rules", "/console/v1/gates/{id}/rules/{ruleID}/pulse_results",
      "/console/v1/gates/{id}/versions", "/console/v1/dynamic_configs", "/console/v1/dynamic_configs/{id}",
      "/console/v1/dynamic_configs/{id}/versions", "/console/v1/layers", "/console/v1/layers/{id}",
      "/console/v1/layers/{id}/experiments", "/console/v1/metrics/list", "/console/v1/metrics/{id}",
      "/console/v1/metrics/{name}/{type}", "/console/v1/metrics", "/console/v1/metrics/{id}/experiments",
      "/console/v1/metrics/metric_source/list", "/console/v1/metrics/metric_source/{name}", "/console/v1/metrics/values",
      "/console/v1/segments", "/console/v1/segments/{id}", "/console/v1/tags", "/console/v1/tags/{id}",
      "/console/v1/audit_logs", "/console/v1/exposure_count", "/console/v1/company", "/console/v1/param_stores",
      "/console/v1/events");
  private static final List<String> WRITES = List.of(
      "POST /console/v1/experiments", "POST /console/v1/experiments/{id}", "PATCH /console/v1/experiments/{id}",
      "DELETE /console/v1/experiments/{id}", "PUT /console/v1/experiments/{id}/start",
      "PUT /console/v1/experiments/{id}/make_decision", "PUT /console/v1/experiments/{id}/abandon",
      "POST /console/v1/gates", "POST /console/v1/gates/{id}", "PATCH /console/v1/gates/{id}",
      "DELETE /console/v1/gates/{id}", "PUT /console/v1/gates/{id}/enable", "PUT /console/v1/gates/{id}/disable",
      "PUT /console/v1/gates/{id}/launch", "POST /console/v1/dynamic_configs", "POST /console/v1/dynamic_configs/{id}",
      "POST /console/v1/layers", "POST /console/v1/layers/{id}", "POST /console/v1/segments",
      "POST /console/v1/segments/{id}/conditional", "POST /console/v1/tags", "POST /console/v1/autotunes",
      "PUT /emulator/gates/{id}/code_cleanup", "PUT /emulator/experiments/{id}/code_cleanup");

  @Test
  void modelsEveryReadAndWriteOperation() {
    InMemoryConsoleApi api = Fixtures.api();
    assertThat(api.operations()).containsAll(READS.stream().map(p -> "GET " + p).toList()).containsAll(WRITES)
        .hasSize(READS.size() + WRITES.size());
  }

  @Test
  void readsNeverCountAsWrites() {
    InMemoryConsoleApi api = Fixtures.api();
    Req.get("/console/v1/experiments").on(api);
    Req.get("/console/v1/gates/{id}/rules").path("id", "new_onboarding").on(api);
    String active = Req.get("/console/v1/experiments").query("status", "active").on(api).path("data").get(0).path("id").asText();
    Req.of("PUT", "/console/v1/experiments/{id}/abandon").path("id", active).on(api);
    assertThat(Req.get("/console/v1/experiments/{id}").path("id", active).on(api).path("data").path("status").asText())
        .isEqualTo("abandoned");
    assertThat(api.writeCount()).isEqualTo(1);
    assertThat(api.writeCountsByOperation()).containsOnlyKeys("PUT /console/v1/experiments/{id}/abandon");
  }
}
