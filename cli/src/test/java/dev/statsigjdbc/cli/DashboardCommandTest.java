package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ask --pin} and {@code dashboard list | render | unpin | delete} over the demo data, in one dashboard folder. */
class DashboardCommandTest {
  private static final String CHECKOUT = "Did the checkout test move revenue per user?";
  private static final String GATE = "What is the exposure split on the new-onboarding gate?";

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--dashboard-dir";
    all[args.length + 1] = dir.resolve("dashboards").toString();
    int exit = cli.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void pinListRenderUnpinAndDelete() throws Exception {
    Run first = run("ask", CHECKOUT, "--demo", "--pin", "growth");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("Pinned as 1. on dashboard growth");
    Run second = run("ask", GATE, "--demo", "--json", "--pin", "growth");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).contains("Pinned as 2. on dashboard growth");
    assertThat(second.out().strip()).as("stdout stays one JSON object").startsWith("{").endsWith("}");

    Run list = run("dashboard", "list");
    assertThat(list.out()).contains("growth (2 pinned)").contains("1. " + CHECKOUT).contains("2. " + GATE)
        .contains("last refreshed");

    Path page = dir.resolve("growth.html");
    Run render = run("dashboard", "render", "growth", "--demo", "--out", page.toString());
    assertThat(render.exit()).as(render.err()).isZero();
    assertThat(render.out()).contains("Dashboard written to " + page.toAbsolutePath());
    assertThat(Files.readString(page)).contains(CHECKOUT, GATE, "id=\"chart-1\"", "id=\"chart-2\"", "Last refreshed");

    Run unpin = run("dashboard", "unpin", "growth", "1");
    assertThat(unpin.out()).contains("Unpinned 1. " + CHECKOUT + " from growth.");
    assertThat(run("dashboard", "list").out()).contains("growth (1 pinned)").contains("1. " + GATE);
    Run outOfRange = run("dashboard", "unpin", "growth", "5");
    assertThat(outOfRange.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(outOfRange.err()).contains("pick a number from 1 to 1");

    assertThat(run("dashboard", "delete", "growth").out()).contains("Deleted dashboard 'growth'.");
    assertThat(run("dashboard", "list").out()).contains("No dashboards in");
    Run again = run("dashboard", "delete", "growth");
    assertThat(again.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(again.err()).contains("No dashboard named 'growth'");
  }

  @Test
  void renderingADashboardThatDoesNotExistSaysHowToMakeOne() {
    Run render = run("dashboard", "render", "nothing", "--demo");
    assertThat(render.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(render.err()).contains("No dashboard named nothing").contains("--pin nothing");
  }

  @Test
  void aDashboardNameThatIsNotAPlainFileNameIsAUsageErrorBeforeAnythingRuns() {
    Run ask = run("ask", CHECKOUT, "--source", "nowhere", "--pin", "../up");
    assertThat(ask.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(ask.err()).contains("Dashboard name '../up' is not allowed");
  }

  @Test
  void aQuestionThatWasNotUnderstoodIsNotPinned() {
    Run ask = run("ask", "What's the weather?", "--demo", "--pin", "growth");
    assertThat(ask.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(ask.err()).contains("Not pinned to growth");
    assertThat(run("dashboard", "list").out()).contains("No dashboards in");
  }
}
