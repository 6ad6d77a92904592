package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AskCommandTest {

  private static String run(StringWriter out, String... args) {
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(out));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return exit + "|" + err;
  }

  @Test
  void answersTheCheckoutQuestionOnTheDemoWithSqlTableAndPng(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    Path png = dir.resolve("checkout.png");
    String result = run(out, "ask", "Did the checkout test move revenue per user?", "--demo", "--sql", "--png", png.toString());
    assertThat(result).startsWith("0|");
    assertThat(out.toString()).contains("Yes: checkout_v2 moved revenue_per_user::sum significantly")
        .contains("\"experiment_results\"").contains("percent_change").contains("Chart written to " + png);
    assertThat(ImageIO.read(Files.newInputStream(png)).getWidth()).isEqualTo(900);
  }

  @Test
  void jsonCarriesTheWholeAnswer() throws Exception {
    StringWriter out = new StringWriter();
    String result = run(out, "ask", "What is the exposure split on the new-onboarding gate?", "--demo", "--json");
    assertThat(result).startsWith("0|");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("intent").asText()).isEqualTo("GATE_EXPOSURE_SPLIT");
    assertThat(json.path("columns").toString()).contains("units_passed");
    assertThat(json.path("rows").size()).isPositive();
    assertThat(json.path("chart").path("kind").asText()).isEqualTo("BAR");
    assertThat(json.path("summary").asText()).contains("new_onboarding");
  }

  @Test
  void aQuestionOutsideItsRangeExitsOneWithSuggestions() {
    StringWriter out = new StringWriter();
    String result = run(out, "ask", "What's the weather?", "--demo");
    assertThat(result).startsWith("1|");
    assertThat(out.toString()).contains("How many experiments are active?");
  }

  @Test
  void aDataSourceThatCannotConnectIsAOneLineErrorNotAStackTrace() {
    String result = run(new StringWriter(), "ask", "How many gates are there?", "--source", "nowhere");
    assertThat(result).startsWith("1|statsig-sql ask: ").doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void theDemoAttachesItsFinanceDatabaseSoQuestionsCanJoinBothSources() {
    StringWriter out = new StringWriter();
    String result = run(out, "ask", "Revenue per user by checkout experiment group", "--demo", "--sql");
    assertThat(result).startsWith("0|");
    assertThat(out.toString()).contains("revenue_per_user by group of checkout_v2").contains("against control")
        .contains("\"finance\".\"ORDERS\"")
        .containsPattern("(?m)^Single-page checkout\\s+false\\s+500\\s+\\d+\\.\\d{2}$");
  }

  @Test
  void aDataSourceIsRequired() {
    String result = run(new StringWriter(), "ask", "How many gates are there?");
    assertThat(result).startsWith("2|").contains("--source").contains("--demo");
  }
}
