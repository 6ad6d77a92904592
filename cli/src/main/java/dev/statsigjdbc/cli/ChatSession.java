package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.assistant.dashboard.Pin;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * What a chat line does, apart from the terminal: a question is answered; {@code \sql} shows the
 * last answer's SQL, {@code \pin NAME} pins it to a dashboard, {@code \help} lists the commands.
 */
final class ChatSession {
  static final String COMMANDS =
      "Commands: \\sql (the last answer's SQL), \\pin NAME (pin it to a dashboard), \\help, \\quit (or Ctrl-D)";
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
  private Answer last;

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
        out.println(last == null || !last.understood() ? "No answered question yet." : last.sql());
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
    last = assistant.ask(question);
    out.println(last.summary());
    last.caveats().forEach(caveat -> out.println("Caveat: " + caveat));
    if (last.understood()) {
      TextTable.print(last.table(), ROWS_SHOWN, out);
    }
  }

  private void pin(String dashboard) throws Exception {
    if (dashboard.isEmpty()) {
      out.println("Usage: \\pin NAME");
      return;
    }
    if (last == null || !last.understood()) {
      out.println("Nothing to pin: ask a question first.");
      return;
    }
    Dashboard.checkName(dashboard);
    Dashboard pinned = dashboards.pin(dashboard, Pin.of(last, clock.instant()));
    out.printf("Pinned as %d. on dashboard %s (%s)%n", pinned.pins().size(), dashboard, dashboards.file(dashboard));
  }
}
