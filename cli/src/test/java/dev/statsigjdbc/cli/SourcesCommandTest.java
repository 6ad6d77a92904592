package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code statsig-sql sources add/list/test/remove} in-process against the emulator, with a temporary vault. */
class SourcesCommandTest {
  @TempDir Path vaultDir;
  private EmulatorServer emulator;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void start() {
    emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void addListTestRemove() {
    assertThat(run("sources", "add", "emu", "--url", emulator.mcpUrl(), "--browser", "direct")).isZero();
    assertThat(out.toString()).contains("Signed in. Saved data source 'emu'").contains("jdbc:statsig:profile=emu");

    assertThat(run("sources", "list")).isZero();
    assertThat(out.toString()).containsPattern("emu\\s+" + emulator.mcpUrl().replace(".", "\\.") + "\\s+oauth\\s+token expires \\d{4}-");

    assertThat(run("sources", "test", "emu")).isZero();
    assertThat(out.toString()).containsPattern("Connected to 'emu' at .*: (\\d+) tools published, (\\d+) exposed to SQL \\(read-only\\), (\\d+) blocked");
    assertThat(emulator.auth().liveRefreshTokens()).isEqualTo(1);

    assertThat(run("sources", "remove", "emu")).isZero();
    assertThat(out.toString()).contains("Revoked the tokens at the server").contains("Removed data source 'emu'");
    assertThat(emulator.auth().liveRefreshTokens()).isZero();

    assertThat(run("sources", "list")).isZero();
    assertThat(out.toString()).contains("No data sources yet");
  }

  @Test
  void theReadOnlyGuardBlocksTheWriteTools() {
    run("sources", "add", "emu", "--url", emulator.mcpUrl(), "--browser", "direct");

    run("sources", "test", "emu");

    var matcher = java.util.regex.Pattern.compile("(\\d+) tools published, (\\d+) exposed to SQL \\(read-only\\), (\\d+) blocked")
        .matcher(out.toString());
    assertThat(matcher.find()).as(out.toString()).isTrue();
    assertThat(Integer.parseInt(matcher.group(2))).isPositive();
    assertThat(Integer.parseInt(matcher.group(3))).as("write tools blocked").isPositive();
  }

  @Test
  void listNeverShowsATokenAndTheListedSourceStaysUsable() {
    run("sources", "add", "emu", "--url", emulator.mcpUrl(), "--browser", "direct");
    run("sources", "list");
    assertThat(out.toString()).doesNotContainPattern("[A-Za-z0-9_-]{40,}");
  }

  @Test
  void aRevokedSignInExitsWithTheAuthCodeAndSaysToAddTheSourceAgain() {
    run("sources", "add", "emu", "--url", emulator.mcpUrl(), "--browser", "direct");
    emulator.auth().revokeRefreshTokens();
    emulator.auth().expireAccessTokens();

    assertThat(run("sources", "test", "emu")).isEqualTo(3);
    assertThat(err.toString()).contains("statsig-sql sources add emu");
  }

  @Test
  void anUnreachableHostIsAFailureNotAnAuthenticationProblem() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    assertThat(run("sources", "add", "gone", "--url", "http://127.0.0.1:" + closedPort + "/v1/mcp", "--browser", "direct"))
        .as(err.toString()).isEqualTo(1);
  }

  @Test
  void unknownSourcesAndBadNamesAreReported() {
    assertThat(run("sources", "remove", "nope")).isEqualTo(1);
    assertThat(err.toString()).contains("No data source named 'nope'");

    assertThat(run("sources", "test", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("statsig-sql sources add nope");

    assertThat(run("sources", "add", "bad name!", "--url", emulator.mcpUrl())).isEqualTo(2);
    assertThat(err.toString()).contains("not a valid data source name");

    assertThat(run("sources", "add")).isEqualTo(2);
  }

  @Test
  void switchingASourceFromOAuthToAnApiKeyRevokesTheOldTokens() {
    run("sources", "add", "emu", "--url", emulator.mcpUrl(), "--browser", "direct");
    assertThat(emulator.auth().liveRefreshTokens()).isEqualTo(1);

    assertThat(run("sources", "add", "emu", "--api-key-env", "STATSIG_TEST_KEY_UNSET")).isZero();

    assertThat(emulator.auth().liveRefreshTokens()).isZero();
    run("sources", "list");
    assertThat(out.toString()).contains(emulator.mcpUrl()).contains("API key from $STATSIG_TEST_KEY_UNSET");
  }

  @Test
  void anApiKeySourceStoresOnlyTheVariableName() {
    assertThat(run("sources", "add", "keyed", "--url", emulator.mcpUrl(), "--api-key-env", "STATSIG_TEST_KEY_UNSET")).isZero();
    run("sources", "list");
    assertThat(out.toString()).contains("api-key").contains("API key from $STATSIG_TEST_KEY_UNSET");

    assertThat(run("sources", "test", "keyed")).isEqualTo(2);
    assertThat(err.toString()).contains("STATSIG_TEST_KEY_UNSET").contains("not set");
  }

  /** --attach: the database's URL and user in the profile, its password (read from standard input) in the vault. */
  @Test
  void addAttachesADatabaseThatProfileConnectionsJoin() throws Exception {
    String password = "cli-attached-h2-password";
    String h2Url = "jdbc:h2:mem:cli-finance-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (java.sql.Connection h2 = java.sql.DriverManager.getConnection(h2Url, "sa", password);
        java.sql.Statement ddl = h2.createStatement()) {
      ddl.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, experiment_id VARCHAR(64))");
      ddl.execute("INSERT INTO orders VALUES (1, 'checkout_v2'), (2, 'checkout_v2')");
      java.io.InputStream stdin = System.in;
      try {
        System.setIn(new java.io.ByteArrayInputStream((password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(run("sources", "add", "emu", "--url", emulator.mcpUrl(), "--browser", "direct",
            "--attach", "finance=" + h2Url, "--attach-user", "finance=sa", "--attach-password", "finance")).isZero();
      } finally {
        System.setIn(stdin);
      }
      assertThat(out.toString()).contains("Attaches a jdbc:h2: database as schema finance (password in the vault)")
          .doesNotContain(password).doesNotContain(h2Url);
      assertThat(java.nio.file.Files.readString(vaultDir.resolve("sources.json"))).contains(h2Url).doesNotContain(password);
      assertThat(run("sources", "list")).isZero();
      assertThat(out.toString()).contains("attaches a jdbc:h2: database as schema finance").doesNotContain(h2Url);

      // Signing in again without --attach keeps the attached database and its password.
      assertThat(run("sources", "add", "emu", "--browser", "direct")).isZero();
      java.util.Properties properties = new java.util.Properties();
      properties.setProperty("profile", "emu");
      properties.setProperty("vaultDir", vaultDir.toString());
      try (Connection connection = DriverManager.getConnection("jdbc:statsig:", properties);
          ResultSet rs = connection.createStatement().executeQuery(
              "SELECT COUNT(*) FROM statsig.experiments e JOIN finance.orders o ON o.experiment_id = e.id"
                  + " WHERE e.id = 'checkout_v2'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }

      assertThat(run("sources", "add", "emu", "--browser", "direct", "--attach-user", "finance=sa")).isEqualTo(2);
      assertThat(err.toString()).contains("go with --attach NAME=JDBC_URL");
      assertThat(run("sources", "add", "emu", "--browser", "direct", "--attach", "finance=" + h2Url,
          "--attach-user", "fin=sa")).isEqualTo(2);
      assertThat(err.toString()).contains("'fin' is not attached");
    }
  }

  @Test
  void addingTheV3EndpointSignsInForItsOwnResource() {
    assertThat(run("sources", "add", "v3", "--url", emulator.v3McpUrl(), "--browser", "direct")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Signed in. Saved data source 'v3': " + emulator.v3McpUrl())
        .doesNotContain("no refresh tokens");

    assertThat(run("sources", "test", "v3")).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("Connected to 'v3' at .*: 18 tools published");
    assertThat(emulator.auth().liveRefreshTokens()).isEqualTo(1);
  }

  /** Issue 13's "done when": a source added for /v3/mcp answers SQL as the /v1/mcp source does, through V3's tools. */
  @Test
  void aV3SourceCountsTheExperimentsAsTheV1SourceDoes() {
    // `sql --source` reads the default vault, ~/.statsig-jdbc: a home of the test's own keeps the user's vault out of it.
    String home = System.getProperty("user.home");
    System.setProperty("user.home", vaultDir.toString());
    try {
      assertThat(execute("sources", "add", "v1", "--url", emulator.mcpUrl(), "--browser", "direct")).as(err.toString()).isZero();
      assertThat(execute("sources", "add", "v3", "--url", emulator.v3McpUrl(), "--browser", "direct")).as(err.toString()).isZero();
      emulator.stats().reset();

      assertThat(execute("sql", "--source", "v3", "SELECT count(*) AS n FROM experiments", "--format", "csv"))
          .as(err.toString()).isZero();
      String viaV3 = out.toString().strip();
      assertThat(emulator.stats().snapshot().calls("experiment_read")).as("read through V3's grouped read").isPositive();
      assertThat(emulator.stats().snapshot().calls("Get_List_of_Experiments")).isZero();

      assertThat(execute("sql", "--source", "v1", "SELECT count(*) AS n FROM experiments", "--format", "csv"))
          .as(err.toString()).isZero();
      assertThat(viaV3).isEqualTo(out.toString().strip()).matches("n\\n[1-9][0-9]*");
      assertThat(emulator.stats().snapshot().writes()).isZero();
    } finally {
      System.setProperty("user.home", home);
    }
  }

  @Test
  void withoutRefreshTokensAddSaysWhenToSignInAgainAndAnExpiredSourceSaysHow() {
    try (EmulatorServer noRefresh = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true).issueRefreshTokens(false))) {
      assertThat(run("sources", "add", "v3", "--url", noRefresh.v3McpUrl(), "--browser", "direct")).as(err.toString()).isZero();
      assertThat(out.toString()).contains("The server issues no refresh tokens")
          .contains("sign in again with `statsig-sql sources add v3`");
      assertThat(run("sources", "test", "v3")).as(err.toString()).isZero();

      noRefresh.auth().expireAccessTokens();
      assertThat(run("sources", "test", "v3")).isEqualTo(3);
      assertThat(err.toString()).contains("the server issues no refresh tokens").contains("statsig-sql sources add v3");

      assertThat(run("sources", "add", "v3", "--browser", "direct")).as(err.toString()).isZero();
      assertThat(run("sources", "test", "v3")).as(err.toString()).isZero();
    }
  }

  private int run(String... args) {
    String[] withVault = new String[args.length + 2];
    System.arraycopy(args, 0, withVault, 0, args.length);
    withVault[args.length] = "--vault-dir";
    withVault[args.length + 1] = vaultDir.toString();
    return execute(withVault);
  }

  private int execute(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
