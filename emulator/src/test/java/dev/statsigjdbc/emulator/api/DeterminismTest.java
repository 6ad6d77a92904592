package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.emulator.data.DatasetGenerator;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import dev.statsigjdbc.emulator.data.Json;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  /** A broad read of the dataset through the API, as one string. */
  private static String snapshot(long seed, LocalDate today) {
    InMemoryConsoleApi api = new InMemoryConsoleApi(DatasetGenerator.generate(DatasetProfile.DEMO, seed, today),
        ApiQuirks.specExamples());
    StringBuilder b = new StringBuilder();
    for (String list : List.of("/console/v1/experiments", "/console/v1/gates", "/console/v1/dynamic_configs",
        "/console/v1/layers", "/console/v1/segments", "/console/v1/tags", "/console/v1/metrics/list",
        "/console/v1/metrics/metric_source/list", "/console/v1/param_stores", "/console/v1/events",
        "/console/v1/audit_logs")) {
      b.append(Json.text(Req.get(list).query("limit", 1000).on(api)));
    }
    api.call(Req.get("/console/v1/experiments").query("limit", 1000).call()).path("data").forEach(e -> {
      String id = e.path("id").asText();
      b.append(Json.text(Req.get("/console/v1/experiments/{id}/pulse_results").path("id", id).on(api)));
      b.append(Json.text(Req.get("/console/v1/experiments/{id}/cumulative_exposures").path("id", id).on(api)));
    });
    b.append(Json.text(Req.get("/console/v1/metrics/values").query("date", today.minusDays(3).toString()).on(api)));
    b.append(Json.text(Req.get("/console/v1/company").on(api)));
    return b.toString();
  }

  @Test
  void sameSeedAndDayGiveByteIdenticalAnswers() {
    LocalDate today = LocalDate.of(2026, 3, 2);
    assertThat(snapshot(7, today)).isEqualTo(snapshot(7, today));
  }

  @Test
  void anotherSeedGivesOtherData() {
    LocalDate today = LocalDate.of(2026, 3, 2);
    assertThat(snapshot(7, today)).isNotEqualTo(snapshot(8, today));
  }
}
