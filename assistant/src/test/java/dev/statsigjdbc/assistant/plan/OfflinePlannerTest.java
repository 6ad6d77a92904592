package dev.statsigjdbc.assistant.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Planning alone, over a fixed lexicon: the SQL text is a rendering of the tree, values as literals. */
class OfflinePlannerTest {
  private final PlanningContext context = new PlanningContext(EntityLexiconTest.LEXICON, LocalDate.of(2026, 11, 25));
  private final OfflinePlanner planner = new OfflinePlanner();

  @Test
  void shippedUsesTheLaunchedTestGroupAndThePeriod() {
    Plan plan = planner.plan("Which experiments shipped this quarter and what did they do to activation?", context);
    assertThat(plan.intent()).isEqualTo(Intent.DECISIONS);
    assertThat(plan.sql()).contains("\"launched_group_id\" <> \"e\".\"control_group_id\"")
        .contains("TIMESTAMP '2026-10-01 00:00:00'").contains("'activation::event_user'")
        .contains("\"r\".\"test_group_id\" = \"e\".\"launched_group_id\"");
  }

  @Test
  void wordsThePlanDoesNotUseAreNamedAndNothingIsAnswered() {
    Plan plan = planner.plan("How many experiments are active'; DROP TABLE x; --", context);
    assertThat(plan.understood()).isFalse();
    assertThat(plan.explanation()).contains("\"drop table x\"");
  }

  @Test
  void everyPartOfACountIsInTheSql() {
    Plan plan = planner.plan("How many experiments were created last month per status?", context);
    assertThat(plan.intent()).isEqualTo(Intent.COUNT_ENTITIES);
    assertThat(plan.slot(Slot.GROUP)).isEqualTo("status");
    assertThat(plan.sql()).contains("GROUP BY \"t\".\"status\"").contains("\"created_time\" >= TIMESTAMP '2026-10-01 00:00:00'")
        .contains("\"created_time\" < TIMESTAMP '2026-11-01 00:00:00'");
  }

  @Test
  void aPeriodWithoutAVerbAsksWhichDate() {
    Plan plan = planner.plan("How many experiments last quarter?", context);
    assertThat(plan.understood()).isFalse();
    assertThat(plan.explanation()).startsWith("Which date should last quarter apply to?");
  }

  @Test
  void longTrendsAreCutToWhatOneCallPerDayAllows() {
    Plan plan = planner.plan("activation trend this year", context);
    assertThat(plan.intent()).isEqualTo(Intent.METRIC_TREND);
    assertThat(plan.period().days()).isEqualTo(OfflinePlanner.MAX_TREND_DAYS);
    assertThat(plan.period().end()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(plan.explanation()).contains("last " + OfflinePlanner.MAX_TREND_DAYS + " days");
  }

  @Test
  void anUnknownExperimentIsNamedAsTheProblemWithNamesThatExist() {
    Plan plan = planner.plan("Did the zebra test move activation?", context);
    assertThat(plan.understood()).isFalse();
    assertThat(plan.explanation()).startsWith("I couldn't tell which experiment you mean").contains("checkout_v2");
    assertThat(plan.suggestions()).anySatisfy(s -> assertThat(s).contains("checkout_v2"));
  }

  @Test
  void anUnknownGateIsNamedAsTheProblem() {
    Plan plan = planner.plan("What is the exposure split on the zebra gate?", context);
    assertThat(plan.explanation()).startsWith("I couldn't tell which gate you mean").contains("new_onboarding");
  }

  @Test
  void somethingElseIsDeclinedWithSuggestions() {
    Plan plan = planner.plan("Write me a poem about dashboards", context);
    assertThat(plan.understood()).isFalse();
    assertThat(plan.sql()).isNull();
    assertThat(plan.suggestions()).contains("Did checkout_v2 move activation?",
        "What is the exposure split on the new_onboarding gate?");
  }
}
