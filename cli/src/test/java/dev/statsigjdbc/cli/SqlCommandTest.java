package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.adapter.StatsigOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SqlCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void csvHasAHeaderAndOneLinePerRow() {
    Run run = run("sql", "SELECT id, status FROM experiments ORDER BY id LIMIT 3", "--demo", "--format", "csv");

    assertThat(run.exit()).as(run.err()).isZero();
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo("id,status");
    assertThat(lines[1]).matches("[a-z0-9_]+,[a-z_]+");
  }

  @Test
  void jsonIsOneArrayOfRowObjectsWithTypedValues() throws Exception {
    Run run = run("sql", "SELECT status, COUNT(*) AS n FROM experiments GROUP BY status", "--demo", "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(run.out());
    assertThat(rows.isArray()).isTrue();
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).path("n").isNumber()).isTrue();
    long total = 0;
    for (JsonNode row : rows) {
      total += row.path("n").asLong();
    }
    Run count = run("sql", "SELECT COUNT(*) AS n FROM experiments", "--demo", "--format", "csv");
    assertThat(count.out().strip().split("\n")[1]).isEqualTo(Long.toString(total));
  }

  @Test
  void helpExitsZeroWithoutAQuery() {
    for (String command : new String[] {"sql", "ask"}) {
      Run run = run(command, "--help");
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("Usage: statsig-sql " + command);
    }
  }

  @Test
  void timestampsAreIso8601AndNullIsShownInTables() throws Exception {
    String sql = "SELECT TIMESTAMP '2026-11-05 15:00:00' AS ts, CAST(NULL AS VARCHAR) AS nothing FROM tags LIMIT 1";
    assertThat(run("sql", sql, "--demo").out()).contains("2026-11-05T15:00:00").contains("NULL")
        .doesNotContain("15:00:00.0");
    assertThat(run("sql", sql, "--demo", "--format", "csv").out().strip()).endsWith("2026-11-05T15:00:00,");
    JsonNode json = new ObjectMapper().readTree(run("sql", sql, "--demo", "--format", "json").out());
    assertThat(json.get(0).path("ts").asText()).isEqualTo("2026-11-05T15:00:00");
    assertThat(json.get(0).path("nothing").isNull()).isTrue();
  }

  @Test
  void anUnnamedAggregateIsHeadedByItsOwnText() {
    Run run = run("sql", "SELECT status, COUNT(*), AVG(duration) FROM experiments GROUP BY status", "--demo",
        "--format", "csv");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow()).isEqualTo("status,COUNT(*),AVG(duration)");
  }

  @Test
  void tableFormatShowsTheRowsFound() {
    Run run = run("sql", "SELECT id, status FROM experiments WHERE id = 'checkout_v2'", "--demo");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("checkout_v2").contains("decision_made");
  }

  @Test
  void explainShowsTheToolCallsInsteadOfRows() {
    Run run = run("sql", "SELECT id FROM experiments WHERE id = 'checkout_v2'", "--demo", "--explain");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Get_Experiment_Details_by_ID").doesNotContain("decision_made");
  }

  @Test
  void aQueryErrorExitsWithOneAndSaysWhatIsWrong() {
    Run run = run("sql", "SELECT * FROM experimentz", "--demo");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("statsig-sql sql:").contains("experimentz");
  }

  @Test
  void aForcedProgressLineIsRedrawnInPlaceAndEndsWithTheQuerysCounts() {
    Run run = run("sql", "SELECT id, action_type FROM audit_logs", "--demo", "--format", "csv", "--progress");

    assertThat(run.exit()).as(run.err()).isZero();
    long rows = run.out().strip().split("\n").length - 1;
    int pageSize = StatsigOptions.DEFAULT_PAGE_SIZE;
    long pages = (rows + pageSize - 1) / pageSize;
    assertThat(rows).as("more than one page").isGreaterThan(pageSize);
    assertThat(run.err()).startsWith("\r");
    String last = run.err().substring(run.err().lastIndexOf('\r') + 1);
    // Every page of the list tool is one call; nothing else was called.
    assertThat(last).matches(pages + " pages fetched, " + rows + " rows, " + pages + " tool calls, \\d+\\.\\d s\\s*\n");
  }

  @Test
  void theProgressLineIsHiddenWhenStderrIsNoTerminalOrWhenTurnedOff() {
    assertThat(run("sql", "SELECT id FROM gates", "--demo", "--format", "csv").err()).doesNotContain("fetched");
    assertThat(run("sql", "SELECT id FROM gates", "--demo", "--no-progress").err()).doesNotContain("fetched");
  }

  @Test
  void withoutADataSourceItIsAUsageError() {
    assertThat(run("sql", "SELECT 1").exit()).isEqualTo(2);
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(SqlCommand.csvField("plain")).isEqualTo("plain");
    assertThat(SqlCommand.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(SqlCommand.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(SqlCommand.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
  }
}
