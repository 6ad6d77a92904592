package dev.statsigjdbc.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.answer.AnswerJson;
import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.DashboardRenderer;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.assistant.dashboard.Pin;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;

/**
 * What the serve process's HTTP API does: ask, pin, render a dashboard. One request at a time,
 * because they share the server's one connection.
 */
final class ServeAssistant {
  private final Assistant assistant;
  private final DashboardStore store;
  private final Clock clock;

  ServeAssistant(Assistant assistant, DashboardStore store, Clock clock) {
    this.assistant = assistant;
    this.store = store;
    this.clock = clock;
  }

  /** The answer as {@code statsig-sql ask --json} prints it. */
  synchronized ObjectNode ask(String question) throws SQLException {
    return AnswerJson.of(assistant.ask(question));
  }

  /**
   * Asks the question again (the offline planner plans it the same way) and pins the answer.
   *
   * @throws IllegalArgumentException for a bad dashboard name or a question that was not understood
   */
  synchronized Dashboard pin(String dashboard, String question) throws SQLException, IOException {
    Dashboard.checkName(dashboard);
    Answer answer = assistant.ask(question);
    return store.pin(dashboard, Pin.of(answer, clock.instant()));
  }

  /**
   * The dashboard's page with every pinned query run again.
   *
   * @throws IllegalArgumentException when there is no such dashboard
   */
  synchronized String dashboardPage(String name) throws IOException {
    return new DashboardRenderer(store, assistant, clock).renderPage(name).html();
  }
}
