package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.assistant.dashboard.Pin;
import dev.statsigjdbc.emulator.EmulatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSessionTest {
  private static DataSourceOptions.Opened demo;

  @TempDir Path dashboards;
  private final StringWriter out = new StringWriter();
  private ChatSession session;

  @BeforeAll
  static void connect() throws Exception {
    demo = DataSourceOptions.openEmulator(EmulatorConfig.defaults().port(0));
  }

  @AfterAll
  static void disconnect() throws Exception {
    demo.close();
  }

  @BeforeEach
  void newSession() {
    session = new ChatSession(Assistant.offline(demo.connection()), new DashboardStore(dashboards),
        Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), new PrintWriter(out));
  }

  @Test
  void answersAQuestionThenShowsItsSqlAndPinsIt() throws Exception {
    assertThat(session.handle("Did the checkout test move revenue per user?")).isTrue();
    assertThat(out.toString()).contains("checkout_v2 moved revenue_per_user::sum significantly");

    session.handle("\\sql");
    assertThat(out.toString()).contains("SELECT").contains("experiment_results");

    session.handle("\\pin team-review");
    assertThat(out.toString()).contains("Pinned \"Did the checkout test move revenue per user?\" as 1. on dashboard team-review");
    assertThat(new DashboardStore(dashboards).load("team-review").pins()).extracting(Pin::question)
        .containsExactly("Did the checkout test move revenue per user?");
  }

  @Test
  void pinTakesTheLastAnsweredQuestionNotALaterDeclinedOne() throws Exception {
    session.handle("How many gates are there?");
    session.handle("What is the airspeed of an unladen swallow?");
    session.handle("\\pin");

    assertThat(new DashboardStore(dashboards).load(ChatSession.DEFAULT_DASHBOARD).pins()).extracting(Pin::question)
        .containsExactly("How many gates are there?");
  }

  @Test
  void cancelGivesUpTheQuestionAndShowsNothingOfIt() throws Exception {
    Assistant assistant = Assistant.offline(demo.connection());
    assistant.lexicon(); // read before the emulator slows down: only the question's own query is slow
    assistant.tables();
    ChatSession slow = new ChatSession(assistant, new DashboardStore(dashboards), Clock.systemUTC(), new PrintWriter(out));
    demo.emulator().faults().latencyMillis(3_000);
    try {
      Thread question = new Thread(() -> slow.handle("How many gates are there?"));
      question.start();
      while (question.isAlive() && !assistant.busy()) {
        Thread.onSpinWait(); // until its query is out
      }
      slow.cancel();
      question.join(30_000);
      assertThat(question.isAlive()).isFalse();
    } finally {
      demo.emulator().faults().latencyMillis(0);
    }
    assertThat(out.toString()).contains("Cancelled.").doesNotContain("There are").doesNotContain("Error");
    slow.handle("\\sql");
    assertThat(out.toString()).contains("No answered question yet.");
    slow.handle("How many gates are there?");
    assertThat(out.toString()).contains("There are");
  }

  @Test
  void nothingToShowOrPinBeforeAnAnsweredQuestion() {
    session.handle("\\sql");
    session.handle("\\pin team-review");

    assertThat(out.toString()).contains("No answered question yet.").contains("Nothing to pin: ask a question first.");
  }

  @Test
  void aBadLineSaysWhatIsWrongAndKeepsTheSessionGoing() {
    assertThat(session.handle("\\frobnicate")).isTrue();
    assertThat(session.handle("\\pin ../escape")).isTrue();
    assertThat(session.handle("What is the airspeed of an unladen swallow?")).isTrue();

    assertThat(out.toString()).contains("Unknown command \\frobnicate").contains("Commands:");
  }

  @Test
  void quitEndsTheSession() {
    assertThat(session.handle("\\quit")).isFalse();
    assertThat(session.handle("exit")).isFalse();
  }
}
