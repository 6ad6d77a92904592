package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The fuzz run: thousands of generated queries ({@link SqlFuzzer}) through sqlline (its own JVM,
 * the shaded driver jar) and through {@code statsig-sql sql}, against the emulator. Nothing may
 * escape uncaught, nothing may hang, and every error carries a SQLState. The seed is printed;
 * {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.queries=N} sizes it.
 */
class SqlFuzzIT {
  private static final String API_KEY = "console-fuzz-read-key";
  private static final int QUERY_TIMEOUT_SECONDS = 20;
  private static final Pattern SQLSTATE = Pattern.compile("\\(state=([0-9A-Z]{5}),code=");
  /** The first line of a printed stack trace (not a "Caused by"). */
  private static final Pattern THROWN = Pattern.compile("^[a-z][\\w.$]*\\.\\w*(Exception|Error|Throwable)(: .*)?$");

  private static EmulatorServer emulator;
  private static long seed;
  private static Map<String, List<SqlFuzzer.Column>> tables;
  private static Map<String, String> requiredFilters;

  @TempDir
  Path work;

  @BeforeAll
  static void start() throws Exception {
    emulator = EmulatorServer.start(EmulatorConfig.defaults().port(0).apiKey(API_KEY, false).autoApprove(true)
        .rateLimit(1_000_000, Duration.ofSeconds(1)));
    seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("SqlFuzzIT seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    tables = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(url())) {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet columns = meta.getColumns(null, "statsig", "%", "%")) {
        while (columns.next()) {
          tables.computeIfAbsent(columns.getString("TABLE_NAME"), t -> new ArrayList<>())
              .add(new SqlFuzzer.Column(columns.getString("COLUMN_NAME"), columns.getInt("DATA_TYPE")));
        }
      }
    }
    tables.keySet().removeIf(name -> name.startsWith("statsig_"));
    requiredFilters = new LinkedHashMap<>();
    requiredFilters.put("experiment_results", "experiment_id = 'checkout_v2'");
    requiredFilters.put("experiment_exposures", "experiment_id = 'checkout_v2'");
    requiredFilters.put("gate_results", "gate_id = 'new_onboarding'");
    requiredFilters.put("metric_values",
        "metric_id = 'revenue_per_user::sum' AND ds BETWEEN CURRENT_DATE - INTERVAL '3' DAY AND CURRENT_DATE");
    requiredFilters.put("exposure_counts", "entity_type = 'experiment' AND id = 'checkout_v2'");
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static String url() {
    return "jdbc:statsig:url=" + emulator.mcpUrl() + ";apiKey=" + API_KEY;
  }

  private static List<String> queries(long runSeed, int count) {
    SqlFuzzer fuzzer = new SqlFuzzer(runSeed, tables, requiredFilters);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      queries.add(fuzzer.next());
    }
    assertThat(tables.keySet()).as("every curated table is fuzzed").contains("experiments", "metric_values", "audit_logs");
    return queries;
  }

  @Test
  void sqllineSurvivesEveryQueryAndEveryErrorHasASqlState() throws Exception {
    List<String> queries = queries(seed, Integer.getInteger("fuzz.queries", 1500));
    Path script = work.resolve("fuzz.sql");
    Files.writeString(script, String.join(";\n", queries) + ";\n!quit\n", StandardCharsets.UTF_8);
    Path log = work.resolve("sqlline.out");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", sqllineJar() + File.pathSeparator + driverJar(), "sqlline.SqlLine",
        "-u", url(), "-n", "", "-p", "", "--outputformat=csv", "--isolation=TRANSACTION_NONE", "--silent=true",
        "--force=true", "--timeout=" + QUERY_TIMEOUT_SECONDS, "-f", script.toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    boolean finished = process.waitFor(queries.size() * 2L + 120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("sqlline finished the script (seed %d); its output ends:%n%s", seed, tail(output)).isTrue();
    assertThat(output).as("seed %d", seed).doesNotContain("Exception in thread");
    // sqlline prints the trace of each SQLException it reports: any other throwable got through.
    assertThat(output.lines().filter(line -> THROWN.matcher(line).matches()))
        .as("seed %d: only SQLExceptions leave the driver", seed)
        .allSatisfy(line -> assertThat(line).startsWith("java.sql.SQL"));
    List<String> errors = output.lines().filter(line -> line.startsWith("Error:")).toList();
    assertThat(errors).as("seed %d: every error carries a SQLState", seed)
        .allSatisfy(line -> assertThat(SQLSTATE.matcher(line).find()).as(line).isTrue());
    System.out.println("SqlFuzzIT sqlline: " + queries.size() + " queries, " + errors.size() + " errors, states "
        + states(errors));
    assertThat(errors.size()).as("most queries run").isLessThan(queries.size());
  }

  @Test
  void statsigSqlSurvivesEveryQueryAndEveryErrorHasASqlState(@TempDir Path home) throws Exception {
    List<String> queries = queries(seed + 1, Integer.getInteger("fuzz.cliQueries", 200));
    String homeBefore = System.getProperty("user.home");
    ExecutorService runner = Executors.newSingleThreadExecutor();
    List<String> errors = new ArrayList<>();
    System.setProperty("user.home", home.toString()); // the data source below goes to a throw-away vault
    try {
      assertThat(cli("sources", "add", "fuzz", "--url", emulator.mcpUrl(), "--browser", "direct").exit()).isZero();
      for (String query : queries) {
        Future<Run> running = runner.submit(() -> cli("sql", query, "--source", "fuzz", "--format", "csv"));
        Run run;
        try {
          run = running.get(QUERY_TIMEOUT_SECONDS * 3L, TimeUnit.SECONDS);
        } catch (TimeoutException hang) {
          throw new AssertionError("statsig-sql sql hung (seed " + (seed + 1) + "): " + query, hang);
        }
        assertThat(run.uncaught()).as("seed %d, query %s", seed + 1, query).isNull();
        if (run.exit() != 0) {
          assertThat(run.exit()).as("exit code of %s: %s", query, run.err()).isEqualTo(ExitCodes.FAILURE);
          assertThat(run.err()).as("seed %d, query %s", seed + 1, query).containsPattern("\\(SQLState [0-9A-Z]{5}\\)");
          errors.add(run.err());
        }
      }
    } finally {
      runner.shutdownNow();
      System.setProperty("user.home", homeBefore);
    }
    System.out.println("SqlFuzzIT statsig-sql sql: " + queries.size() + " queries, " + errors.size() + " errors");
    assertThat(errors.size()).as("most queries run").isLessThan(queries.size());
  }

  private record Run(int exit, String err, Throwable uncaught) {}

  private static Run cli(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    try {
      return new Run(cli.execute(args), err.toString(), null);
    } catch (Throwable uncaught) {
      return new Run(-1, err.toString(), uncaught);
    }
  }

  private static Map<String, Integer> states(List<String> errors) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String error : errors) {
      Matcher state = SQLSTATE.matcher(error);
      if (state.find()) {
        counts.merge(state.group(1), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static String tail(String output) {
    return output.substring(Math.max(0, output.length() - 3000));
  }

  private static Path sqllineJar() {
    return existing("statsig.sqllineJar");
  }

  private static Path driverJar() {
    return existing("statsig.driverJar");
  }

  private static Path existing(String property) {
    Path path = Path.of(System.getProperty(property, "(unset)"));
    assertThat(path).as("%s: run through mvn verify, which packages it", property).exists();
    return path;
  }
}
