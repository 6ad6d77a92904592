package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.assistant.dashboard.Pin;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a chat line does, apart from the terminal: a question is answered; {@code \sql} shows the
 * last answered question's SQL, {@code \pin [NAME]} pins that question to a dashboard, {@code \help}
 * lists the commands; {@link #cancel()} drops the question being answered.
 */
final class ChatSession {
  static final String COMMANDS = "Commands: \\sql (the last answer's SQL), \\pin [NAME] (pin the last answered question"
      + " to a dashboard, default " + ChatSession.DEFAULT_DASHBOARD + "), \\help, \\quit (or Ctrl-D); Ctrl-C cancels a question";
  static final String DEFAULT_DASHBOARD = "chat";
  static final String HELP = """
      Ask about experiments, gates and metrics in plain language, e.g.
        Did the checkout test move revenue per user?
        What is the exposure split on the new-onboarding gate?
      """ + COMMANDS;
  private static final int ROWS_SHOWN = 20;

  private final Assistant assistant;
  private final DashboardStore dashboards;
  private final Clock clock;
  private final PrintWriter out;
  /** The last question that was answered (not declined, not cancelled): what \sql shows and \pin pins. */
  private Answer lastAnswered;
  /** Counts questions and cancellations: an answer is shown only if nothing cancelled it meanwhile. */
  private final AtomicLong asked = new AtomicLong();

  ChatSession(Assistant assistant, DashboardStore dashboards, Clock clock, PrintWriter out) {
    this.assistant = assistant;
    this.dashboards = dashboards;
    this.clock = clock;
    this.out = out;
  }

  /** Handles one line; false when the user asked to leave. */
  boolean handle(String line) {
    String input = line.strip();
    try {
      if (input.isEmpty()) {
        return true;
      }
      if (input.equals("\\quit") || input.equals("\\q") || input.equalsIgnoreCase("exit")) {
        return false;
      }
      if (input.equals("\\help") || input.equals("\\?")) {
        out.println(HELP);
      } else if (input.equals("\\sql")) {
        out.println(lastAnswered == null ? "No answered question yet." : lastAnswered.sql());
      } else if (input.startsWith("\\pin")) {
        pin(input.substring("\\pin".length()).strip());
      } else if (input.startsWith("\\")) {
        out.println("Unknown command " + input.split("\\s+")[0] + ". " + COMMANDS);
      } else {
        answer(input);
      }
    } catch (Exception e) {
      // One failed line must not end the session: say what went wrong and keep the prompt.
      out.println("Error: " + e.getMessage());
    }
    out.flush();
    return true;
  }

  private void answer(String question) throws Exception {
    long mine = asked.incrementAndGet();
    Answer answer;
    try {
      answer = assistant.ask(question);
    } catch (Exception e) {
      if (asked.get() != mine) {
        return; // cancelled: the statement's error is the cancellation itself
      }
      throw e;
    }
    synchronized (this) {
      if (asked.get() != mine) {
        return;
      }
      if (answer.understood()) {
        lastAnswered = answer;
      }
      out.println(answer.summary());
      answer.caveats().forEach(caveat -> out.println("Caveat: " + caveat));
      if (answer.understood()) {
        TextTable.print(answer.table(), ROWS_SHOWN, out);
      }
    }
  }

  /**
   * Cancels the question being answered (Ctrl-C): its query is cancelled, and its answer, should
   * it still come, is not shown. The prompt is free at once.
   */
  void cancel() {
    asked.incrementAndGet();
    try {
      assistant.cancel();
    } catch (SQLException e) {
      out.println("Could not cancel the query: " + e.getMessage());
    }
    synchronized (this) {
      out.println("Cancelled.");
      out.flush();
    }
  }

  private void pin(String named) throws Exception {
    String dashboard = named.isEmpty() ? DEFAULT_DASHBOARD : named;
    if (lastAnswered == null) {
      out.println("Nothing to pin: ask a question first.");
      return;
    }
    Dashboard.checkName(dashboard);
    Dashboard pinned = dashboards.pin(dashboard, Pin.of(lastAnswered, clock.instant()));
    out.printf("Pinned \"%s\" as %d. on dashboard %s (%s)%n", lastAnswered.question(), pinned.pins().size(), dashboard,
        dashboards.file(dashboard));
  }
}
