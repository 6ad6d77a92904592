package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.plan.Planner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code statsig-sql chat}: questions one after another, with line editing and history (JLine). */
@Command(name = "chat", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "An interactive session: ask questions, \\sql shows the SQL, \\pin [NAME] pins the last answered"
        + " question, Ctrl-C cancels a question.")
final class ChatCommand implements Callable<Integer> {

  @ArgGroup(exclusive = true, multiplicity = "1")
  DataSourceOptions.Choice source;

  @Mixin DashboardOptions dashboards;

  @Mixin LlmOptions llm;

  @Option(names = "--history", paramLabel = "FILE", description = "History file (default ~/.statsig-jdbc/chat-history).")
  Path history = Path.of(System.getProperty("user.home"), ".statsig-jdbc", "chat-history");

  @Override
  public Integer call() throws Exception {
    Planner planner = llm.planner();
    Files.createDirectories(history.toAbsolutePath().getParent());
    try (DataSourceOptions.Opened opened = DataSourceOptions.open(source);
        Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      // Backslash starts the chat's commands (\sql, \pin): not an escape; '!' is not history expansion.
      DefaultParser parser = new DefaultParser();
      parser.setEscapeChars(null);
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .parser(parser)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .appName("statsig-sql")
          .variable(LineReader.HISTORY_FILE, history)
          .build();
      PrintWriter out = terminal.writer();
      ChatSession session = new ChatSession(new Assistant(opened.connection(), planner, Clock.systemUTC()),
          dashboards.store(), Clock.systemUTC(), out);
      out.println("Connected. " + ChatSession.HELP);
      out.flush();
      while (true) {
        String line;
        try {
          line = reader.readLine("statsig> ");
        } catch (UserInterruptException ctrlC) {
          continue;
        } catch (EndOfFileException ctrlD) {
          break;
        }
        if (!answer(session, line, terminal)) {
          break;
        }
      }
    }
    return ExitCodes.OK;
  }

  /**
   * Handles a line on its own thread, so that Ctrl-C while it runs cancels the question and gives
   * the prompt back at once (a query still finishing is dropped when it ends).
   */
  private static boolean answer(ChatSession session, String line, Terminal terminal) {
    CompletableFuture<Boolean> handled = new CompletableFuture<>();
    Thread worker = new Thread(() -> handled.complete(session.handle(line)), "chat-question");
    worker.setDaemon(true);
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
      session.cancel();
      handled.complete(true);
    });
    try {
      worker.start();
      return handled.join();
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }
}
