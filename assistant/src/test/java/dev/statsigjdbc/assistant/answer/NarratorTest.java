package dev.statsigjdbc.assistant.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.Plan;
import dev.statsigjdbc.assistant.plan.Slot;
import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NarratorTest {
  private static final List<String> RESULT_COLUMNS = List.of("test_group_name", "metric_id", "percent_change",
      "percent_ci_delta", "p_value", "absolute_change", "ci_delta", "test_units", "control_units");
  private static final Plan EFFECT = Plan.understood(Intent.EXPERIMENT_EFFECT,
      Select.from(Sql.table("experiment_results", "r")).columns(Sql.col("r", "metric_id")).build(),
      Map.of(Slot.EXPERIMENT, "tiny_test", Slot.METRIC, "activation::event_user"), null, "test plan");

  @Test
  void fewExposuresAreACaveat() {
    ResultTable t = new ResultTable(RESULT_COLUMNS, List.of(Arrays.asList("Treatment", "activation::event_user",
        12.0, 20.0, 0.4, 0.05, 0.08, 240L, 250L)));
    Narration n = new Narrator(metric -> Optional.of("increase")).narrate(EFFECT, t, null);
    assertThat(n.summary()).startsWith("No: tiny_test did not move activation::event_user").contains("+12.0%")
        .contains("p = 0.4000");
    assertThat(n.caveats()).singleElement().asString().contains("Too few exposures").contains("240 test");
  }

  @Test
  void significanceIsTheChangeOutsideItsInterval() {
    ResultTable t = new ResultTable(RESULT_COLUMNS, List.of(Arrays.asList("Treatment", "activation::event_user",
        3.0, 1.0, 0.001, 0.012, 0.004, 50_000L, 50_000L)));
    Narration n = new Narrator(metric -> Optional.of("increase")).narrate(EFFECT, t, null);
    assertThat(n.summary()).startsWith("Yes: tiny_test moved activation::event_user significantly")
        .contains("significant, the good direction");
    assertThat(n.caveats()).isEmpty();
    assertThat(n.chart().kind()).isEqualTo(ChartSpec.Kind.LIFT);
    assertThat(n.chart().intervals()).containsExactly(1.0);
  }

  @Test
  void aSignificantDropInAMetricThatShouldRiseIsTheWrongDirection() {
    ResultTable t = new ResultTable(RESULT_COLUMNS, List.of(Arrays.asList("Treatment", "activation::event_user",
        -3.0, 1.0, 0.001, -0.012, 0.004, 50_000L, 50_000L)));
    Narration n = new Narrator(metric -> Optional.of("increase")).narrate(EFFECT, t, null);
    assertThat(n.summary()).contains("-3.0%").contains("the wrong direction: increase is good");
  }

  @Test
  void noResultsSaysSo() {
    Narration n = new Narrator(metric -> Optional.of("increase")).narrate(EFFECT, new ResultTable(RESULT_COLUMNS, List.of()), null);
    assertThat(n.summary()).isEqualTo("No results for tiny_test on activation::event_user.");
    assertThat(n.chart().kind()).isEqualTo(ChartSpec.Kind.TABLE);
  }

  private static final Plan SPLIT = Plan.understood(Intent.EXPERIMENT_EXPOSURE_SPLIT,
      Select.from(Sql.table("experiment_exposures", "x")).columns(Sql.col("x", "group_name")).build(),
      Map.of(Slot.EXPERIMENT, "split_test"), null, "test plan");
  private static final List<String> SPLIT_COLUMNS = List.of("group_name", "exposures", "as_of", "planned_size");

  @Test
  void aSplitFarFromThePlannedSizesIsASampleRatioMismatch() {
    ResultTable skewed = new ResultTable(SPLIT_COLUMNS, List.of(Arrays.asList("Control", 10_000L, "2026-11-24", 50.0),
        Arrays.asList("Test", 11_000L, "2026-11-24", 50.0)));
    Narration n = new Narrator(metric -> Optional.empty()).narrate(SPLIT, skewed, null);
    assertThat(n.caveats()).anySatisfy(c -> assertThat(c).startsWith("Sample ratio mismatch: Control 47.6% (planned 50.0%)")
        .contains("p < 0.001"));
    assertThat(n.caveats()).anySatisfy(c -> assertThat(c).contains("running totals").contains("2026-11-24"));

    ResultTable even = new ResultTable(SPLIT_COLUMNS, List.of(Arrays.asList("Control", 10_000L, "2026-11-24", 50.0),
        Arrays.asList("Test", 10_050L, "2026-11-24", 50.0)));
    assertThat(new Narrator(metric -> Optional.empty()).narrate(SPLIT, even, null).caveats())
        .noneSatisfy(c -> assertThat(c).contains("mismatch"));
  }
}
