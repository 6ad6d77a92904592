package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded driver jar as a BI tool loads it: sqlline in a separate JVM with only sqlline and
 * the driver jar on its class path, against the emulator over HTTP. Runs in the
 * integration-test phase because it needs the packaged jar.
 */
class SqllineIT {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  @TempDir
  Path work;

  @Test
  void theDriverJarHoldsTheDriverAndRelocatedLibrariesButNotTheEmulator() throws IOException {
    try (JarFile jar = new JarFile(driverJar().toFile())) {
      List<String> names = jar.stream().map(e -> e.getName()).toList();

      assertThat(names).contains("dev/statsigjdbc/driver/jdbc/StatsigDriver.class",
          "dev/statsigjdbc/shaded/com/fasterxml/jackson/databind/ObjectMapper.class",
          "dev/statsigjdbc/shaded/com/google/common/collect/ImmutableList.class");
      assertThat(names).noneMatch(n -> n.startsWith("dev/statsigjdbc/emulator/"))
          .noneMatch(n -> n.startsWith("com/fasterxml/jackson/") || n.startsWith("com/google/common/"))
          .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA)"));
      String drivers = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(drivers).contains("dev.statsigjdbc.driver.jdbc.StatsigDriver");
    }
  }

  @Test
  void sqllineListsTablesAndRunsAJoinAsCsv() throws Exception {
    Path script = work.resolve("queries.sql");
    Files.writeString(script, String.join("\n",
        "!tables",
        "SELECT e.id, r.test_group_id, r.metric_id FROM experiments e"
            + " JOIN experiment_results r ON r.experiment_id = e.id"
            + " WHERE e.id = 'checkout_v2' AND r.metric_id = 'revenue_per_user::sum';",
        "!quit", ""));

    String output = sqlline("-f", script.toString());

    assertThat(output).contains("'statsig','experiments','TABLE'", "'statsig','gate_results','TABLE'")
        .doesNotContain("'metadata'");
    assertThat(output).contains("'id','test_group_id','metric_id'")
        .containsPattern("'checkout_v2','[^']+','revenue_per_user::sum'");
  }

  @Test
  void sqllineRunsOneStatementFromTheCommandLine() throws Exception {
    String output = sqlline("-e", "SELECT COUNT(*) AS gates FROM gates;");

    long gates = emulator.get("/console/v1/gates", java.util.Map.of(), java.util.Map.of("limit", "1")).path("pagination")
        .path("totalItems").asLong();
    assertThat(output).contains("'gates'\n'" + gates + "'").doesNotContain("Warning", "Exception");
  }

  /** sqlline brings no SLF4J provider and the driver jar carries none: SLF4J's bootstrap warning is not shown. */
  @Test
  void sqllineStartsWithoutSlf4jWarnings() throws Exception {
    String output = sqlline("-e", "SELECT id FROM gates WHERE id = 'new_onboarding';");

    assertThat(output).contains("'new_onboarding'").doesNotContain("No SLF4J providers", "SLF4J(W)");
  }

  @Test
  void sqllineShowsWhyAResultIsEmpty() throws Exception {
    String output = sqlline("-e", "SELECT * FROM metric_values WHERE metric_id = 'revenue_per_user::sum'"
        + " AND ds BETWEEN DATE '1999-01-01' AND DATE '1999-01-02';");

    assertThat(output).contains("Metric values look empty");
  }

  @Test
  void sqllineReportsARefusedWriteWithItsSqlState() throws Exception {
    Run run = run("-e", "UPDATE gates SET name = 'x' WHERE id = 'new_onboarding';");

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("read-only").contains("state=25006");
    assertThat(emulator.console().writeCount()).isZero();
  }

  private record Run(int exitCode, String output) {}

  /** Runs sqlline and expects it to succeed. */
  private String sqlline(String... args) throws Exception {
    Run run = run(args);
    assertThat(run.exitCode()).as("sqlline exit code; output:%n%s", run.output()).isZero();
    return run.output();
  }

  private Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", Path.of(System.getProperty("statsig.sqllineJar")) + File.pathSeparator + driverJar(),
        "sqlline.SqlLine",
        "-u", emulator.url(),
        // The API key is in the URL; the empty user name and password keep sqlline from prompting.
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

  private static Path driverJar() {
    return Path.of(System.getProperty("statsig.driverJar"));
  }
}
