package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.answer.ResultTable;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline in a separate JVM with only sqlline and Avatica's client jar on its class path, through
 * Avatica's remote JDBC driver ({@code jdbc:avatica:remote:}, protobuf) to {@code serve}.
 */
class ServeSqllineTest {
  @TempDir static Path work;
  private static ServedDemo served;

  @BeforeAll
  static void start() throws Exception {
    served = ServedDemo.start(Driver.Serialization.PROTOBUF, work.resolve("dashboards"));
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void sqllineQueriesExperimentsThroughTheRemoteDriver() throws Exception {
    String query = "SELECT id, status FROM experiments WHERE status = 'active' ORDER BY id";
    ResultTable expected = served.direct(query);
    assertThat(expected.size()).isPositive();

    Run run = sqlline("-e", query + ";");

    assertThat(run.exitCode()).as(run.output()).isZero();
    String csv = expected.rows().stream().map(r -> "'" + r.get(0) + "','" + r.get(1) + "'")
        .collect(Collectors.joining("\n"));
    assertThat(run.output()).contains("'id','status'\n" + csv + "\n").doesNotContain("Exception");
  }

  @Test
  void sqllineListsTheStatsigTables() throws Exception {
    Run run = sqlline("-e", "!tables");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("'statsig','experiments','TABLE'", "'statsig','gate_results','TABLE'");
  }

  @Test
  void aWriteIsRefusedWithItsSqlState() throws Exception {
    Run run = sqlline("-e", "UPDATE gates SET name = 'x' WHERE id = 'new_onboarding';");

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("read-only").contains("state=25006");
  }

  private record Run(int exitCode, String output) {}

  private static Run sqlline(String... args) throws Exception {
    Path client = Path.of(System.getProperty("statsig.remoteJdbcClient"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", Stream.of("sqlline-jar-with-dependencies.jar", "avatica.jar", "slf4j-api.jar", "slf4j-nop.jar")
            .map(jar -> client.resolve(jar).toString()).collect(Collectors.joining(File.pathSeparator)),
        "sqlline.SqlLine",
        "-u", served.server.avaticaUrl(),
        "-n", "", "-p", "",
        "--outputformat=csv", "--isolation=TRANSACTION_NONE", "--silent=true"));
    command.addAll(List.of(args));
    Path log = work.resolve("sqlline-" + System.nanoTime() + ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    boolean finished = process.waitFor(90, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(finished).as("sqlline finished; output:%n%s", output).isTrue();
    return new Run(process.exitValue(), output);
  }
}
