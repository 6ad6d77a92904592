package dev.statsigjdbc.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.DemoConnection;
import dev.statsigjdbc.assistant.plan.Intent;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each provider's LangChain4j client against a server on 127.0.0.1 speaking that provider's wire
 * format, configured the way users do (environment variables), over the emulator's demo data.
 */
class LlmProvidersTest {
  private static final String QUESTION = "Which experiments are active?";
  private static final String KEY = "sk-scripted-never-shown";
  private static final String GOOD_SQL = "```sql\nSELECT \"e\".\"id\" FROM \"statsig\".\"experiments\" AS \"e\""
      + " WHERE \"e\".\"status\" = 'active' ORDER BY \"e\".\"id\"\n```";
  private final ScriptedModelServer server = ScriptedModelServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private Assistant assistant(LlmProvider provider) throws Exception {
    LlmSettings settings = LlmSettings.fromEnvironment(server.environment(provider, KEY)).orElseThrow();
    assertThat(settings.provider()).isEqualTo(provider);
    assertThat(settings.toString()).doesNotContain(KEY);
    return new Assistant(DemoConnection.connection(), LlmPlanner.over(settings), DemoConnection.CLOCK);
  }

  private static List<String> activeExperimentIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Statement s = DemoConnection.connection().createStatement(); ResultSet rows = s.executeQuery(
        "SELECT \"id\" FROM \"statsig\".\"experiments\" WHERE \"status\" = 'active' ORDER BY \"id\"")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @ParameterizedTest
  @EnumSource(LlmProvider.class)
  void theModelsSqlAnswersAndThePromptCarriesTablesColumnsAndLiveNames(LlmProvider provider) throws Exception {
    server.reply(GOOD_SQL);

    Answer answer = assistant(provider).ask(QUESTION);

    assertThat(answer.plan().intent()).isEqualTo(Intent.MODEL_SQL);
    assertThat(answer.table().rows()).extracting(r -> (String) r.get(0)).containsExactlyElementsOf(activeExperimentIds())
        .isNotEmpty();
    ScriptedModelServer.Received request = server.received().get(0);
    assertThat(server.received()).hasSize(1);
    assertThat(request.path()).isEqualTo(switch (provider) {
      case OPENAI -> "/v1/chat/completions";
      case ANTHROPIC -> "/v1/messages";
      case OLLAMA -> "/api/chat";
    });
    assertThat(request.body().path("model").asText()).isEqualTo(provider.defaultModel());
    switch (provider) {
      case OPENAI -> assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
      case ANTHROPIC -> assertThat(request.apiKeyHeader()).isEqualTo(KEY);
      case OLLAMA -> assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
    }
    assertThat(request.conversation()).contains("\"statsig\".\"experiments\"").contains("\"gate_rules\"")
        .contains("\"ci_delta\"").contains("The display name of the experiment").contains("checkout_v2")
        .contains("new_onboarding").contains("revenue_per_user::sum").contains("2026-11-25").contains(QUESTION);
  }

  @ParameterizedTest
  @EnumSource(LlmProvider.class)
  void aWriteIsRefusedTwiceAndTheOfflinePlannerAnswersWithANote(LlmProvider provider) throws Exception {
    server.reply("DELETE FROM \"statsig\".\"experiments\"", "```sql\nDROP TABLE \"statsig\".\"experiments\"\n```");

    Answer answer = assistant(provider).ask(QUESTION);

    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(1).conversation()).contains("That SQL was refused: Only a read-only query");
    assertThat(answer.plan().intent()).isEqualTo(Intent.LIST_ENTITIES);
    assertThat(answer.plan().explanation()).startsWith("Answered without the language model: the language model's SQL"
        + " was refused twice");
    assertThat(answer.table().rows()).extracting(r -> (String) r.get(answer.table().index("id")))
        .containsExactlyElementsOf(activeExperimentIds());
  }

  @Test
  void ollamaNeedsNoKeyAndSendsNoAuthorization() throws Exception {
    server.reply(GOOD_SQL);
    LlmSettings settings = LlmSettings.fromEnvironment(server.environment(LlmProvider.OLLAMA, null)).orElseThrow();

    new Assistant(DemoConnection.connection(), LlmPlanner.over(settings), DemoConnection.CLOCK).ask(QUESTION);

    assertThat(server.received().get(0).authorization()).isNull();
  }

  @Test
  void aServerErrorIsAnAnswerFromTheOfflinePlannerNotAFailure() throws Exception {
    // Nothing scripted: the server answers 500.
    Answer answer = assistant(LlmProvider.ANTHROPIC).ask(QUESTION);

    assertThat(answer.plan().explanation()).startsWith("Answered without the language model: the language model did"
        + " not answer");
    assertThat(answer.plan().explanation()).doesNotContain(KEY);
  }

  @ParameterizedTest
  @EnumSource(LlmProvider.class)
  void aRateLimitOrABrokenBodyIsNotRetriedAndTheOfflinePlannerAnswers(LlmProvider provider) throws Exception {
    try (MockWebServer edge = new MockWebServer()) {
      edge.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
          .addHeader("Content-Type", "application/json").body("{\"error\":{\"message\":\"slow down\"}}").build());
      edge.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"choices\": [").build());
      edge.start();
      String base = edge.url(provider == LlmProvider.OLLAMA ? "" : "/v1").toString().replaceAll("/$", "");
      LlmSettings settings = new LlmSettings(provider, base, KEY, provider.defaultModel(), Duration.ofSeconds(10));
      Assistant assistant = new Assistant(DemoConnection.connection(), LlmPlanner.over(settings), DemoConnection.CLOCK);

      Answer limited = assistant.ask(QUESTION);
      Answer broken = assistant.ask(QUESTION);

      assertThat(edge.getRequestCount()).as("one request per question: no retries inside the client").isEqualTo(2);
      for (Answer answer : List.of(limited, broken)) {
        assertThat(answer.plan().explanation()).startsWith("Answered without the language model: the language model"
            + " did not answer").doesNotContain(KEY);
        assertThat(answer.plan().intent()).isEqualTo(Intent.LIST_ENTITIES);
      }
    }
  }

  @Test
  void settingsNameWhatIsMissingAndNeverTheKey() {
    assertThat(LlmSettings.fromEnvironment(Map.of())).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LlmSettings.fromEnvironment(
        Map.of(LlmSettings.PROVIDER, "anthropic"))).hasMessageContaining(LlmSettings.API_KEY);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LlmSettings.fromEnvironment(
        Map.of(LlmSettings.PROVIDER, "bard"))).hasMessageContaining("openai, anthropic, ollama");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LlmSettings.fromEnvironment(
        Map.of(LlmSettings.BASE_URL, "https://user:" + KEY + "@example.test/v1", LlmSettings.API_KEY, KEY)))
        .hasMessageContaining("must not carry a user or password").hasMessageNotContaining(KEY);
    LlmSettings chosen = LlmSettings.of(Map.of("MY_KEY", KEY, LlmSettings.PROVIDER, "openai"),
        new LlmSettings.Choice("ollama", "http://127.0.0.1:1", "qwen2.5-coder", "MY_KEY"));
    assertThat(chosen.provider()).isEqualTo(LlmProvider.OLLAMA);
    assertThat(chosen.toString()).contains("qwen2.5-coder").contains("http://127.0.0.1:1").doesNotContain(KEY);
  }
}
