package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md covers every SQLState the driver gives and the empty-result warnings. */
class TroubleshootingDocTest {
  private static final Path DOC = Path.of("..", "docs", "troubleshooting.md");

  @Test
  void everySqlStateOfTheDriverHasAnEntry() throws Exception {
    String doc = Files.readString(DOC);
    List<String> states = Arrays.stream(SqlState.values()).map(SqlState::code).toList();

    assertThat(states).hasSizeGreaterThan(10);
    assertThat(states).allSatisfy(state -> assertThat(doc).contains("| `" + state + "` |"));
  }

  @Test
  void theEmptyResultWarningsAreQuotedAsUsersSeeThem() throws Exception {
    String doc = Files.readString(DOC);
    SqlInspection experiments = new SqlInspection(false, true, java.util.Set.of("experiments"), List.of());
    SqlInspection metrics = new SqlInspection(false, true, java.util.Set.of("metric_values"), List.of());
    SqlInspection filtered = new SqlInspection(false, true, java.util.Set.of("experiments"), List.of("tag = 'x'"));

    for (SqlInspection sql : List.of(experiments, metrics, filtered)) {
      String message = EmptyResultAdvice.forEmptyResult(sql).orElseThrow().getMessage();
      assertThat(doc).contains(message.substring(0, message.indexOf(',') > 0 ? message.indexOf(',') : 60));
    }
  }
}
