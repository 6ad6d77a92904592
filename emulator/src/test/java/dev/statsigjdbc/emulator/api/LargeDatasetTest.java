package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.data.Calendar;
import dev.statsigjdbc.emulator.data.DatasetGenerator;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark profile: sizes, and paging through a million audit log entries without building them. */
class LargeDatasetTest {
  private static InMemoryConsoleApi api;

  @BeforeAll
  static void generate() {
    api = new InMemoryConsoleApi(DatasetGenerator.generate(DatasetProfile.LARGE, 1L, Fixtures.TODAY),
        ApiQuirks.schemaConformant());
  }

  private static int total(String list) {
    return Req.get(list).query("limit", 1).on(api).path("pagination").path("totalItems").asInt();
  }

  @Test
  void hasTheBenchmarkSizes() {
    assertThat(total("/console/v1/experiments")).isEqualTo(10_000);
    assertThat(total("/console/v1/gates")).isEqualTo(5_000);
    assertThat(total("/console/v1/audit_logs")).isEqualTo(1_000_000);
  }

  @Test
  void auditLogPagesDownToTheLastOneInTimeOrder() {
    JsonNode first = Req.get("/console/v1/audit_logs").query("limit", 1000).on(api);
    assertThat(first.path("data")).hasSize(1000);
    JsonNode middle = Req.get("/console/v1/audit_logs").query("page", 500).query("limit", 1000).on(api);
    JsonNode last = Req.get("/console/v1/audit_logs").query("page", 1000).query("limit", 1000).on(api);
    assertThat(last.path("data")).hasSize(1000);
    assertThat(last.path("pagination").path("nextPage").isNull()).isTrue();
    assertThat(middle.path("pagination").path("nextPage").asText()).isEqualTo("/console/v1/audit_logs?page=501&limit=1000");
    assertThat(last.path("data").get(999).path("date").asText()).endsWith("2025");
  }

  @Test
  void auditLogDateAndActionFiltersNarrowTheMillion() {
    LocalDate day = Fixtures.TODAY.minusDays(30);
    JsonNode oneDay = Req.get("/console/v1/audit_logs").query("startDate", day.toString()).query("endDate", day.toString())
        .query("limit", 1000).on(api);
    int count = oneDay.path("pagination").path("totalItems").asInt();
    assertThat(count).isBetween(2_000, 3_500); // a million entries over 365 days
    assertThat(oneDay.path("data").get(0).path("date").asText()).isEqualTo(Calendar.auditDate(Calendar.startOf(day)));
    JsonNode starts = Req.get("/console/v1/audit_logs").query("actionType", "experiment_start").query("limit", 5).on(api);
    assertThat(starts.path("data")).hasSize(5).allSatisfy(e ->
        assertThat(e.path("actionType").asText()).isEqualTo("experiment_start"));
  }

  @Test
  void experimentsPageWithFiltersAndResults() {
    JsonNode lastPage = Req.get("/console/v1/experiments").query("page", 100).query("limit", 100).on(api);
    assertThat(lastPage.path("data")).hasSize(100);
    JsonNode active = Req.get("/console/v1/experiments").query("status", "active").query("limit", 10).on(api);
    assertThat(active.path("pagination").path("totalItems").asInt()).isBetween(2_000, 4_000);
    String id = active.path("data").get(0).path("id").asText();
    assertThat(Req.get("/console/v1/experiments/{id}/pulse_results").path("id", id).on(api).path("data")
        .path("primaryMetrics")).isNotEmpty();
  }
}
