package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.assistant.dashboard.Pin;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  /** What the serving demo prints for JDBC tools connects as printed, on a machine without a desktop. */
  @Test
  void thePrintedJdbcUrlConnects(@TempDir Path vault) throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().port(0).autoApprove(true))) {
      java.util.Properties properties = new java.util.Properties();
      dev.statsigjdbc.driver.connect.StatsigProperty.VAULT_DIR.set(properties, vault.toString()); // keeps the test's sign-in out of the real home
      try (java.sql.Connection connection = java.sql.DriverManager.getConnection(DemoCommand.jdbcUrl(server), properties);
          java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM experiments")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isPositive();
      }
    }
  }

  @Test
  void demoQueriesTheEmulatorThroughTheDriverAndAnswersTheThreeSeedQuestionsWithCharts(@TempDir Path charts,
      @TempDir Path dashboards) throws Exception {
    Instant earlier = Instant.parse("2026-01-01T00:00:00Z");
    new DashboardStore(dashboards).pin("demo", new Pin("From an earlier run", "SELECT 1", Intent.LIST_ENTITIES, Map.of(), null,
        ChartSpec.table("earlier"), earlier, earlier));
    StringWriter out = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("demo", "--port", "0", "--no-wait", "--out", charts.toString(),
        "--dashboard-dir", dashboards.toString());

    String text = out.toString();
    assertThat(exit).as(text).isZero();
    assertThat(text).containsPattern("jdbc:statsig:url=http://127\\.0\\.0\\.1:\\d+/v1/mcp").contains("Signed in with OAuth");
    // Its server stops with the command: no instructions to connect to it.
    assertThat(text).contains("stops now (--no-wait)").doesNotContain("Connect any JDBC tool");
    // SQL through the driver: every experiment status of the demo data, and read tools exposed, writes blocked.
    assertThat(text).contains("decision_made", "active", "abandoned");
    assertThat(text).containsPattern("(?m)^true\\s+\\d+$").containsPattern("(?m)^false\\s+\\d+$");
    for (String question : DemoCommand.QUESTIONS) {
      assertThat(text).contains("ask> " + question);
    }
    assertThat(text).doesNotContain("can't answer");
    assertThat(text).contains("new_onboarding").contains("checkout_v2 moved revenue_per_user::sum significantly");
    // One query across Statsig and the demo's own database: a revenue per user for each checkout group.
    assertThat(text).contains(DemoFinanceDatabase.QUESTION).contains("Control").contains("Single-page checkout")
        .containsPattern("(?m)^Control\\s+true\\s+500\\s+\\d+\\.\\d{2}$");
    // The seeded orders tell the same story as Statsig's results: the shipped group earns more per user.
    assertThat(revenuePerUser(text, "Single-page checkout")).isGreaterThan(revenuePerUser(text, "Control"));
    for (int i = 1; i <= DemoCommand.QUESTIONS.size(); i++) {
      BufferedImage png = ImageIO.read(charts.resolve("question-" + i + ".png").toFile());
      assertThat(png).as("chart %d", i).isNotNull();
      assertThat(png.getWidth()).isEqualTo(900);
    }
    // The three answers pinned to the demo dashboard (replacing an earlier run's), drawn as one page whose path is printed.
    Path page = charts.resolve("dashboard-demo.html").toAbsolutePath();
    assertThat(text).contains("Dashboard 'demo' (3 pinned answers): " + page)
        .contains("statsig-sql dashboard render demo --demo --dashboard-dir " + dashboards);
    String html = Files.readString(page);
    assertThat(html).contains("id=\"chart-1\"", "id=\"chart-2\"", "id=\"chart-3\"").contains("Last refreshed");
    for (String question : DemoCommand.QUESTIONS) {
      assertThat(html).contains(question);
    }
    assertThat(new DashboardStore(dashboards).load("demo").pins()).extracting(Pin::question)
        .containsExactlyElementsOf(DemoCommand.QUESTIONS);
  }

  @Test
  void unknownDatasetIsAUsageErrorNamingTheChoices() {
    StringWriter err = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("demo", "--dataset", "huge", "--no-wait");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("DEMO").contains("LARGE");
  }

  private static double revenuePerUser(String demoOutput, String group) {
    Matcher row = Pattern.compile("(?m)^" + Pattern.quote(group) + "\\s+(?:true|false)\\s+\\d+\\s+(\\d+\\.\\d{2})$")
        .matcher(demoOutput);
    assertThat(row.find()).as("row for %s in:%n%s", group, demoOutput).isTrue();
    return Double.parseDouble(row.group(1));
  }
}
