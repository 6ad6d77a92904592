package dev.statsigjdbc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.answer.AnswerJson;
import dev.statsigjdbc.assistant.chart.PngChartRenderer;
import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.Pin;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ArgGroup;

/** {@code statsig-sql ask "<question>"}: a question in plain language answered with numbers, caveats and a chart. */
@Command(name = "ask", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Answer a question about experiments, gates and metrics in plain language.")
final class AskCommand implements Callable<Integer> {
  private static final int ROWS_SHOWN = 20;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUESTION", description = "The question, in quotes.")
  String question;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DataSourceOptions.Choice source;

  @Option(names = "--png", paramLabel = "FILE", description = "Write the chart as a PNG.")
  Path png;

  @Option(names = "--sql", description = "Show the SQL the question became.")
  boolean showSql;

  @Option(names = "--json", description = "Print the whole answer as one JSON object.")
  boolean json;

  @Option(names = "--pin", paramLabel = "DASHBOARD",
      description = "Pin the answer to this dashboard (created when new); see `statsig-sql dashboard`.")
  String pin;

  @Mixin DashboardOptions dashboards;

  @Mixin LlmOptions llm;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (pin != null) {
      Dashboard.checkName(pin); // before the question is asked
    }
    Planner planner = llm.planner();
    Answer answer;
    try (DataSourceOptions.Opened opened = DataSourceOptions.open(source)) {
      Connection connection = opened.connection();
      answer = new Assistant(connection, planner, Clock.systemUTC()).ask(question);
    } catch (SQLException e) {
      // The driver's messages say what to do (sign in, check the URL, name the missing key).
      spec.commandLine().getErr().println("statsig-sql ask: " + e.getMessage());
      return 1;
    }
    Optional<byte[]> image = png == null ? Optional.empty() : new PngChartRenderer(900, 540).render(answer.chart());
    if (image.isPresent()) {
      Files.write(png, image.get());
    }
    if (pin != null) {
      pin(answer, json ? spec.commandLine().getErr() : out);
    }
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(AnswerJson.of(answer)));
    } else {
      print(answer, out, image.isPresent());
      if (llm.asked() && answer.plan().intent() != Intent.MODEL_SQL) {
        // Why the language model's SQL was not used (its reply was refused, or it did not answer).
        out.println();
        out.println("Note: " + answer.plan().explanation());
      }
    }
    out.flush();
    return answer.understood() ? 0 : 1;
  }

  /** Notes go to stderr with --json so that stdout stays one JSON object. */
  private void pin(Answer answer, PrintWriter notes) throws IOException {
    if (!answer.understood()) {
      spec.commandLine().getErr().printf("Not pinned to %s: only answered questions can be pinned.%n", pin);
      return;
    }
    Dashboard pinned = dashboards.store().pin(pin, Pin.of(answer, Instant.now()));
    notes.printf("Pinned as %d. on dashboard %s (%s)%n", pinned.pins().size(), pin, dashboards.store().file(pin));
  }

  private void print(Answer answer, PrintWriter out, boolean wrotePng) {
    out.println(answer.summary());
    answer.caveats().forEach(c -> out.println("Caveat: " + c));
    if (!answer.understood()) {
      return;
    }
    if (showSql) {
      out.println();
      out.println(answer.sql());
    }
    out.println();
    TextTable.print(answer.table(), ROWS_SHOWN, out);
    if (png != null) {
      out.println();
      out.println(wrotePng ? "Chart written to " + png : "No chart for this answer (a table); nothing written to " + png);
    }
  }
}
