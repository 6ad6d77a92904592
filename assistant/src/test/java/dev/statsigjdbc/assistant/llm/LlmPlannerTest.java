package dev.statsigjdbc.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.DemoConnection;
import dev.statsigjdbc.assistant.plan.Intent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM planner against an OpenAI-compatible server on 127.0.0.1 replaying recorded chat
 * completions, over the emulator's demo data through the real driver.
 */
class LlmPlannerTest {
  private static final String ACTIVE = "Which experiments are active?";
  private static final String KEY = "sk-test-not-a-real-key";
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Assistant assistant(Duration timeout) throws Exception {
    LlmSettings settings = new LlmSettings(LlmProvider.OPENAI, server.url("/v1").toString(), KEY, "gpt-4o-mini", timeout);
    return new Assistant(DemoConnection.connection(), LlmPlanner.over(settings),
        DemoConnection.CLOCK);
  }

  private void replay(String... recorded) throws IOException {
    for (String name : recorded) {
      try (InputStream in = LlmPlannerTest.class.getResourceAsStream("/llm/" + name)) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
            .body(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build());
      }
    }
  }

  private List<String> requests() throws InterruptedException {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      bodies.add(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
    }
    return bodies;
  }

  private static List<String> activeExperimentIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Statement s = DemoConnection.connection().createStatement();
        ResultSet rows = s.executeQuery("SELECT \"id\" FROM \"statsig\".\"experiments\" WHERE \"status\" = 'active'"
            + " ORDER BY \"id\"")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @Test
  void goodSqlFromTheModelIsParsedRunAndAnsweredAsATable() throws Exception {
    replay("good-sql.json");

    Answer answer = assistant(Duration.ofSeconds(30)).ask(ACTIVE);

    assertThat(answer.plan().intent()).isEqualTo(Intent.MODEL_SQL);
    assertThat(answer.sql()).contains("\"statsig\".\"experiments\"").contains("'active'");
    List<String> ids = activeExperimentIds();
    assertThat(ids).isNotEmpty();
    assertThat(answer.table().rows()).extracting(r -> (String) r.get(0)).containsExactlyElementsOf(ids);
    assertThat(answer.summary()).startsWith(ids.size() + " row(s) for: " + ACTIVE);
    assertThat(answer.caveats()).anySatisfy(c -> assertThat(c).contains("language model wrote this SQL"));

    List<String> bodies = requests();
    assertThat(bodies).hasSize(1);
    // The prompt: tables, columns with their remarks, live names and the question.
    assertThat(bodies.get(0)).contains("\\\"statsig\\\".\\\"experiments\\\"").contains("\\\"gate_rules\\\"")
        .contains("\\\"ci_delta\\\"").contains("The display name of the experiment").contains("checkout_v2")
        .contains("new_onboarding").contains("2026-11-25").contains(ACTIVE);
    assertThat(server.takeRequest(0, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void badSqlIsSentBackOnceWithTheReasonThenTheOfflinePlannerAnswers() throws Exception {
    replay("unknown-table.json", "not-sql.json");

    Answer answer = assistant(Duration.ofSeconds(30)).ask(ACTIVE);

    List<String> bodies = requests();
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1)).contains("That SQL was refused: Unknown table(s) [statsig.experiment_owners]")
        .contains("experiment_owners");
    assertThat(answer.plan().intent()).isEqualTo(Intent.LIST_ENTITIES);
    assertThat(answer.plan().explanation()).startsWith("Answered without the language model: the language model's SQL"
        + " was refused twice (Not valid SQL");
    assertThat(answer.table().rows()).extracting(r -> (String) r.get(answer.table().index("id")))
        .containsExactlyElementsOf(activeExperimentIds());
  }

  @Test
  void aWriteIsRefusedAndNeverRuns() throws Exception {
    replay("write.json", "write.json");
    int activeBefore = activeExperimentIds().size();

    Answer answer = assistant(Duration.ofSeconds(30)).ask(ACTIVE);

    List<String> bodies = requests();
    assertThat(bodies.get(1)).contains("Only a read-only query (SELECT) is allowed, not DELETE");
    assertThat(answer.plan().explanation()).contains("refused twice (Only a read-only query (SELECT) is allowed");
    assertThat(answer.sql()).startsWith("SELECT").doesNotContain("DELETE");
    assertThat(activeExperimentIds()).hasSize(activeBefore);
  }

  @Test
  void aModelThatDoesNotAnswerInTimeLeavesTheQuestionToTheOfflinePlanner() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    Answer answer = assistant(Duration.ofMillis(500)).ask(ACTIVE);

    assertThat(server.getRequestCount()).as("no retry after a timeout").isEqualTo(1);
    assertThat(answer.plan().explanation()).startsWith("Answered without the language model: the language model did not"
        + " answer");
    assertThat(answer.plan().intent()).isEqualTo(Intent.LIST_ENTITIES);
  }

  @Test
  void settingsComeFromTheEnvironmentAndNeverShowTheKey() {
    assertThat(LlmSettings.fromEnvironment(java.util.Map.of())).isEmpty();
    LlmSettings settings = LlmSettings.fromEnvironment(java.util.Map.of(LlmSettings.BASE_URL, "http://127.0.0.1:1/v1",
        LlmSettings.API_KEY, KEY)).orElseThrow();
    assertThat(settings.toString()).doesNotContain(KEY).contains("gpt-4o-mini");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LlmSettings.fromEnvironment(
        java.util.Map.of(LlmSettings.BASE_URL, "http://127.0.0.1:1/v1"))).hasMessageContaining(LlmSettings.API_KEY);
  }
}
