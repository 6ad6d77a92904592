package dev.statsigjdbc.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.chart.PngChartRenderer;
import dev.statsigjdbc.assistant.chart.VegaLiteRenderer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
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
  void aWindowBeforeTheExperimentStartedIsFlagged() throws Exception {
    Answer a = ask("What is the exposure split of checkout_v2 this year?");
    assertThat(a.plan().intent()).isEqualTo(Intent.EXPERIMENT_EXPOSURE_SPLIT);
    assertThat(a.caveats()).anySatisfy(c -> assertThat(c).contains("2026-01-01").contains("before checkout_v2 started"));
  }

  @Test
  void aPeriodOnCumulativeResultsIsSaidNotToNarrowThem() throws Exception {
    Answer a = ask("Did the checkout test move revenue per user this quarter?");
    assertThat(a.plan().intent()).isEqualTo(Intent.EXPERIMENT_EFFECT);
    assertThat(a.caveats()).anySatisfy(c -> assertThat(c).contains("whole run"))
        .anySatisfy(c -> assertThat(c).contains("before checkout_v2 started"));
  }

  @Test
  void seedChartsRenderAsPngAndVegaLite() throws Exception {
    PngChartRenderer png = new PngChartRenderer(800, 500);
    VegaLiteRenderer vega = new VegaLiteRenderer();
    Path out = Path.of("target", "charts");
    Files.createDirectories(out);
    String[] questions = {"Which experiments shipped this quarter and what did they do to activation?",
        "What is the exposure split on the new-onboarding gate?", "Did the checkout test move revenue per user?",
        "How has activation trended over the last 30 days?", "What was checkout conversion yesterday?",
        "How many experiments per status?", "Compare checkout_v2 and guest_checkout on revenue per user"};
    for (int i = 0; i < questions.length; i++) {
      Answer a = ask(questions[i]);
      byte[] image = png.render(a.chart()).orElseThrow();
      Files.write(out.resolve("seed-" + (i + 1) + ".png"), image);
      assertThat(ImageIO.read(new ByteArrayInputStream(image)).getWidth()).as(questions[i]).isEqualTo(800);
      // The same chart for the web, next to the PNG, to look at both (docs/img keeps screenshots of them).
      com.fasterxml.jackson.databind.node.ObjectNode spec = vega.render(a.chart()).orElseThrow();
      Files.writeString(out.resolve("seed-" + (i + 1) + ".vl.json"), spec.toPrettyString());
      assertThat(spec.path("data").path("values").size()).isPositive();
    }
  }

  @Test
  void outsideWhatItUnderstands() throws Exception {
    Answer a = ask("What's the weather in Lisbon?");
    assertThat(a.understood()).isFalse();
    assertThat(a.summary()).contains("Which experiments shipped this quarter and what did they do to activation?");
    assertThat(a.plan().suggestions()).hasSizeGreaterThanOrEqualTo(4);
    for (String suggestion : a.plan().suggestions()) {
      assertThat(assistant.ask(suggestion).understood()).as(suggestion).isTrue();
    }
  }
}
