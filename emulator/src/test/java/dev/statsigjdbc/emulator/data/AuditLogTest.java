package dev.statsigjdbc.emulator.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  private final Dataset demo = DatasetGenerator.generate(DatasetProfile.DEMO, 5, LocalDate.of(2026, 6, 30));

  @Test
  void generatedEntriesAreNewestFirstAndNameRealEntities() {
    AuditLog log = demo.auditLog();
    List<String> known = new ArrayList<>(demo.experiments().ids());
    known.addAll(demo.gates().ids());
    for (int i = 1; i < log.size(); i++) {
      assertThat(log.time(i)).isLessThan(log.time(i - 1));
    }
    for (int i = 0; i < log.size(); i += 97) {
      assertThat(log.get(i).path("name").asText()).isEqualTo(log.name(i)).isIn(known);
      assertThat(log.get(i).path("actionType").asText()).isEqualTo(log.actionType(i));
    }
  }

  @Test
  void recordedWritesComeFirst() {
    AuditLog log = demo.auditLog();
    int before = log.size();
    log.record("checkout_v2", "experiment_edit", "Edited Experiment", demo.nextWriteTime(), People.CONSOLE_API,
        Json.object());
    assertThat(log.size()).isEqualTo(before + 1);
    assertThat(log.get(0).path("name").asText()).isEqualTo("checkout_v2");
    assertThat(log.get(0).path("updatedBy").asText()).isEqualTo("CONSOLE API");
    assertThat(log.time(0)).isGreaterThan(log.time(1));
  }
}
