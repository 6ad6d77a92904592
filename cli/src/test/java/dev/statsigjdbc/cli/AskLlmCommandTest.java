package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.llm.LlmProvider;
import dev.statsigjdbc.assistant.llm.LlmSettings;
import dev.statsigjdbc.assistant.llm.ScriptedModelServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code statsig-sql ask --demo --llm} end to end: the emulator with demo data, and a scripted
 * model server on 127.0.0.1 configured through the environment variables (or flags) users set.
 */
class AskLlmCommandTest {
  private static final String QUESTION = "Which experiments are active?";
  private static final String KEY = "sk-cli-test-never-printed";
  /** A column the offline planner never writes: its value in the output proves the model's SQL ran. */
  private static final String MODEL_SQL = "SELECT \"e\".\"id\", 'written-by-the-model' AS \"origin\""
      + " FROM \"statsig\".\"experiments\" AS \"e\" WHERE \"e\".\"status\" = 'active' ORDER BY \"e\".\"id\"";
  private final ScriptedModelServer model = ScriptedModelServer.start();

  @AfterEach
  void stop() {
    model.close();
  }

  /** Exit code, stdout and stderr of one run. */
  private record Run(int exit, String out, String err) {}

  private static Run run(Map<String, String> environment, String... args) {
    CommandLine cli = StatsigSql.commandLine(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void theAnswerComesFromTheModelsSql() {
    model.reply("```sql\n" + MODEL_SQL + ";\n```");

    Run run = run(model.environment(LlmProvider.OPENAI, KEY), "ask", "--demo", "--llm", QUESTION, "--sql");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("written-by-the-model").contains("checkout_v2").contains("\"origin\"")
        .contains("A language model wrote this SQL").doesNotContain("Note: ");
    assertThat(model.received()).hasSize(1);
    assertThat(model.received().get(0).authorization()).isEqualTo("Bearer " + KEY);
    assertThat(model.received().get(0).conversation()).contains("\"statsig\".\"experiment_results\"").contains(QUESTION);
    assertThat(run.out() + run.err()).doesNotContain(KEY);
  }

  @Test
  void aWriteStatementFallsBackToTheOfflinePlannerWithANote() {
    model.reply("DELETE FROM \"statsig\".\"experiments\"", "UPDATE \"statsig\".\"experiments\" SET \"status\" = 'x'");

    Run run = run(model.environment(LlmProvider.OPENAI, KEY), "ask", "--demo", "--llm", QUESTION, "--sql");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Note: Answered without the language model: the language model's SQL was refused"
        + " twice (Only a read-only query (SELECT) is allowed").contains("checkout_v2")
        .doesNotContain("written-by-the-model").doesNotContain("DELETE").doesNotContain("A language model wrote");
    assertThat(model.received()).hasSize(2);
  }

  @Test
  void garbageFallsBackToTheOfflinePlannerWithANote() {
    model.reply("I would look at the experiments table.", "Sorry, I can't help with that.");

    Run run = run(model.environment(LlmProvider.OPENAI, KEY), "ask", "--demo", "--llm", QUESTION);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Note: Answered without the language model").contains("Not valid SQL")
        .contains("checkout_v2");
  }

  @Test
  void flagsChooseTheProviderWithoutEnvironmentVariables() {
    model.reply(MODEL_SQL);

    Run run = run(Map.of(), "ask", "--demo", QUESTION, "--llm-provider", "ollama",
        "--llm-base-url", model.baseUrl(LlmProvider.OLLAMA), "--llm-model", "qwen2.5-coder");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("written-by-the-model");
    assertThat(model.received().get(0).path()).isEqualTo("/api/chat");
    assertThat(model.received().get(0).body().path("model").asText()).isEqualTo("qwen2.5-coder");
  }

  @Test
  void aMissingKeyIsAUsageErrorNamingTheVariableBeforeAnythingStarts() {
    Run run = run(Map.of(LlmSettings.PROVIDER, "anthropic"), "ask", "--demo", "--llm", QUESTION);

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(LlmSettings.API_KEY).doesNotContain("\tat ");
    assertThat(model.received()).isEmpty();
  }

  @Test
  void chatTakesTheSameFlagsAndChecksThemFirst() {
    Run run = run(Map.of(), "chat", "--demo", "--llm-provider", "anthropic");

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(LlmSettings.API_KEY);
  }
}
