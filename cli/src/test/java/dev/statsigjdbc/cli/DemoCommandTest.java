package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

  @Test
  void demoStartsTheEmulatorChecksItOverMcpAndPrintsWhereToConnect() {
    StringWriter out = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("demo", "--port", "0", "--no-wait");

    assertThat(exit).isZero();
    String text = out.toString();
    assertThat(text).containsPattern("MCP endpoint \\(Streamable HTTP\\): http://127\\.0\\.0\\.1:\\d+/v1/mcp");
    Matcher checked = Pattern.compile("(\\d+) tools published \\((\\d+) read, (\\d+) write\\); (\\d+) experiments, (\\d+) gates")
        .matcher(text);
    assertThat(checked.find()).as("summary line in:%n%s", text).isTrue();
    assertThat(Integer.parseInt(checked.group(2))).as("read tools").isGreaterThanOrEqualTo(20);
    assertThat(Integer.parseInt(checked.group(3))).as("write tools").isGreaterThanOrEqualTo(10);
    assertThat(Long.parseLong(checked.group(4))).as("experiments").isBetween(40L, 100L);
    assertThat(Long.parseLong(checked.group(5))).as("gates").isBetween(80L, 200L);
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
}
