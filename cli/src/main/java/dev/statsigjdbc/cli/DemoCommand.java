package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.assistant.chart.PngChartRenderer;
import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.DashboardRenderer;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.assistant.dashboard.Pin;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code statsig-sql demo}: starts the embedded Statsig emulator with demo data, then does what an
 * analyst would through the JDBC driver: a few SQL queries and the three questions the product
 * is for, answered with numbers and PNG charts, pinned to the {@code demo} dashboard and drawn as
 * one HTML page; and one question across Statsig and a database of the demo's own (orders in an
 * embedded H2 database, attached as {@code finance}). Serves until Ctrl-C so other tools can connect.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Start a local Statsig (emulator with demo data), query it with SQL and questions.")
final class DemoCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 8787;
  static final List<String> QUESTIONS = List.of(
      "Which experiments shipped this quarter and what did they do to activation?",
      "What is the exposure split on the new-onboarding gate?",
      "Did the checkout test move revenue per user?");
  private static final List<String> QUERIES = List.of(
      "SELECT status, COUNT(*) AS experiments FROM experiments GROUP BY status ORDER BY experiments DESC",
      "SELECT exposed, COUNT(*) AS tools FROM statsig_tools GROUP BY exposed");
  private static final int ROWS_SHOWN = 10;
  static final String DASHBOARD = "demo";

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = DEFAULT_PORT;

  @Option(names = "--dataset", description = "Data set: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  DatasetProfile dataset = DatasetProfile.DEMO;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the charts go (default: statsig-sql-demo in the temp folder).")
  Path out = Path.of(System.getProperty("java.io.tmpdir"), "statsig-sql-demo");

  @Mixin DashboardOptions dashboards;

  @Option(names = "--no-wait", description = "Stop after the walk-through instead of serving until Ctrl-C.")
  boolean noWait;

  @Override
  public Integer call() throws Exception {
    PrintWriter text = spec.commandLine().getOut();
    try (DataSourceOptions.Opened opened = open(text)) {
      EmulatorServer server = opened.emulator();
      text.printf("Statsig emulator with the %s data set: %s%n", dataset.name().toLowerCase(), server.mcpUrl());
      text.printf("Signed in with OAuth (registration, PKCE, the emulator's auto-approved consent) and connected"
          + " through the JDBC driver: jdbc:statsig:url=%s%n%n", server.mcpUrl());
      runQueries(opened, text);
      askQuestions(opened, text);
      joinWithFinance(opened, text);
      text.println("Connect any JDBC tool (sqlline, DBeaver) with the shaded driver jar and");
      text.printf("  jdbc:statsig:url=%s   (OAuth sign-in in the browser; the demo approves it at once)%n",
          server.mcpUrl());
      text.printf("  OAuth metadata: %s%n", server.oauthMetadataUrl());
      text.flush();
      if (!noWait) {
        text.println("Serving until Ctrl-C.");
        text.flush();
        awaitShutdown();
      }
    }
    return 0;
  }

  private DataSourceOptions.Opened open(PrintWriter text) throws SQLException {
    EmulatorConfig config = EmulatorConfig.defaults().port(port).dataset(dataset);
    try {
      return DataSourceOptions.openDemo(config);
    } catch (RuntimeException busy) {
      if (port != DEFAULT_PORT) {
        throw busy;
      }
      text.printf("Port %d is taken; using a free port instead.%n", DEFAULT_PORT);
      return DataSourceOptions.openDemo(config.port(0));
    }
  }

  private static void runQueries(DataSourceOptions.Opened opened, PrintWriter text) throws SQLException {
    try (Statement statement = opened.connection().createStatement()) {
      for (String sql : QUERIES) {
        text.println("sql> " + sql);
        try (ResultSet rows = statement.executeQuery(sql)) {
          TextTable.print(ResultTable.read(rows), ROWS_SHOWN, text);
        }
        text.println();
      }
    }
  }

  /** The cross-source question: the assistant joins Statsig's experiment groups with the demo's own orders. */
  private static void joinWithFinance(DataSourceOptions.Opened opened, PrintWriter text) throws SQLException {
    Answer answer = Assistant.offline(opened.connection()).ask(DemoFinanceDatabase.QUESTION);
    text.println("ask> " + answer.question() + "   (Statsig joined with the demo's own H2 database, attached as "
        + DemoFinanceDatabase.SCHEMA + ")");
    text.println(answer.summary());
    text.println("sql> " + answer.sql().replace('\n', ' '));
    TextTable.print(answer.table(), ROWS_SHOWN, text);
    text.println();
  }

  /** Answers the questions with PNG charts, pins them to a fresh {@code demo} dashboard and renders it. */
  private void askQuestions(DataSourceOptions.Opened opened, PrintWriter text) throws Exception {
    Files.createDirectories(out);
    Assistant assistant = Assistant.offline(opened.connection());
    PngChartRenderer png = new PngChartRenderer(900, 540);
    DashboardStore store = dashboards.store();
    Dashboard demo = Dashboard.empty(DASHBOARD);
    for (int i = 0; i < QUESTIONS.size(); i++) {
      Answer answer = assistant.ask(QUESTIONS.get(i));
      demo = demo.with(Pin.of(answer, Instant.now()));
      text.println("ask> " + answer.question());
      text.println(answer.summary());
      answer.caveats().forEach(caveat -> text.println("Caveat: " + caveat));
      Optional<byte[]> chart = png.render(answer.chart());
      if (chart.isPresent()) {
        Path file = out.resolve("question-" + (i + 1) + ".png");
        Files.write(file, chart.get());
        text.println("Chart: " + file);
      }
      text.println();
    }
    store.save(demo);
    Path page = new DashboardRenderer(store, assistant, Clock.systemUTC())
        .render(DASHBOARD, out.resolve("dashboard-" + DASHBOARD + ".html")).page();
    text.printf("Dashboard '%s' (%d pinned answers): %s%n", DASHBOARD, demo.pins().size(), page.toAbsolutePath());
    text.printf("  Render it again later: statsig-sql dashboard render %s --demo%s%n%n", DASHBOARD,
        dashboards.dashboardDir == null ? "" : " --dashboard-dir " + dashboards.dashboardDir);
  }

  static void awaitShutdown() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-shutdown"));
    stopped.await();
  }
}
