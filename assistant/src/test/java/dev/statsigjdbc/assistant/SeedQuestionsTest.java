package dev.statsigjdbc.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.plan.Intent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's three questions, answered from the emulator's demo data. */
class SeedQuestionsTest {
  static Assistant assistant;

  @BeforeAll
  static void connect() throws Exception {
    assistant = DemoConnection.assistant();
  }

  static Answer ask(String q) throws Exception {
    Answer a = assistant.ask(q);
    System.out.println("Q: " + q + "\n" + a.sql() + "\n=> " + a.summary() + "\n   caveats " + a.caveats()
        + "\n   chart " + a.chart().kind());
    return a;
  }

  @Test
  void checkoutMovedRevenuePerUser() throws Exception {
    Answer a = ask("Did the checkout test move revenue per user?");
    assertThat(a.plan().intent()).isEqualTo(Intent.EXPERIMENT_EFFECT);
    assertThat(a.sql()).contains("'checkout_v2'").contains("'revenue_per_user::sum'");
    assertThat(a.summary()).startsWith("Yes: checkout_v2 moved revenue_per_user::sum").contains("+6.").contains("significant");
    assertThat(a.chart().kind()).isEqualTo(ChartSpec.Kind.LIFT);
  }

  @Test
  void newOnboardingExposureSplit() throws Exception {
    Answer a = ask("What is the exposure split on the new-onboarding gate?");
    assertThat(a.plan().intent()).isEqualTo(Intent.GATE_EXPOSURE_SPLIT);
    assertThat(a.sql()).contains("'new_onboarding'");
    assertThat(a.chart().kind()).isEqualTo(ChartSpec.Kind.BAR);
  }

  @Test
  void shippedThisQuarterOnActivation() throws Exception {
    Answer a = ask("Which experiments shipped this quarter and what did they do to activation?");
    assertThat(a.plan().intent()).isEqualTo(Intent.DECISIONS);
    assertThat(a.summary()).contains("checkout_v2").contains("activation");
  }

  @Test
  void outsideWhatItUnderstands() throws Exception {
    Answer a = ask("What's the weather in Lisbon?");
    assertThat(a.understood()).isFalse();
    assertThat(a.summary()).contains("Did the checkout test move revenue per user?");
  }
}
