package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.api.ApiQuirks;
import dev.statsigjdbc.emulator.faults.Faults;
import dev.statsigjdbc.driver.vault.CredentialSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every fault the emulator injects, in every phase of a query, through JDBC over
 * real HTTP. A case either recovers with exactly the fault-free rows, or fails with the SQLState
 * it names and a message that says what to do; never a truncated, duplicated or mixed result.
 * docs/reliability.md is checked against {@link #CASES} by {@code ReliabilityDocTest}.
 */
class FaultMatrixTest {
  /** Where in a query's life the fault strikes. */
  enum Phase {
    CONNECT("connection setup"),
    LIST_SCAN("list scan, before the first row"),
    LIST_SCAN_AFTER_FIRST_ROW("list scan, after rows were returned"),
    DETAIL_FAN_OUT("detail fan-out (WHERE id IN (...))");

    final String description;

    Phase(String description) {
      this.description = description;
    }
  }

  enum Auth { API_KEY, OAUTH }

  /** What the driver must do: the SQLState of the error, or null for a transparent recovery. */
  record Expected(String sqlState, String messageSays) {
    static final Expected RECOVERED = new Expected(null, null);

    static Expected error(String sqlState, String messageSays) {
      return new Expected(sqlState, messageSays);
    }

    String describe() {
      return sqlState == null ? "recovered: same rows as without the fault"
          : "SQLException " + sqlState + ", message says \"" + messageSays + "\"";
    }
  }

  /** One row of the matrix. */
  record Case(String fault, Auth auth, int timeoutSeconds, Phase phase, Consumer<FaultMatrixTest> inject,
      Expected expected) {
    @Override
    public String toString() {
      return fault + " during " + phase.description;
    }
  }

  static final List<Case> CASES = new ArrayList<>();

  private static void row(String fault, Auth auth, Consumer<FaultMatrixTest> inject, Expected... byPhase) {
    row(fault, auth, TIMEOUT_SECONDS, inject, byPhase);
  }

  /** One fault: its expectation per {@link Phase}, in declaration order; null where the fault cannot occur. */
  private static void row(String fault, Auth auth, int timeoutSeconds, Consumer<FaultMatrixTest> inject,
      Expected... byPhase) {
    Phase[] phases = Phase.values();
    for (int i = 0; i < byPhase.length; i++) {
      if (byPhase[i] != null) {
        CASES.add(new Case(fault, auth, timeoutSeconds, phases[i], inject, byPhase[i]));
      }
    }
  }

  private static final int TIMEOUT_SECONDS = 10;
  private static final Expected OK = Expected.RECOVERED;

  static {
    // phases: CONNECT, LIST_SCAN, LIST_SCAN_AFTER_FIRST_ROW, DETAIL_FAN_OUT
    row("HTTP 429 with Retry-After", Auth.API_KEY, t -> t.faults().tooManyRequests(1, 1), OK, OK, OK, OK);
    row("HTTP 429 without Retry-After", Auth.API_KEY, t -> t.faults().tooManyRequests(1, null), OK, OK, OK, OK);
    for (int status : new int[] {500, 502, 503}) {
      row("HTTP " + status, Auth.API_KEY, t -> t.faults().serverErrors(1, status), OK, OK, OK, OK);
    }
    row("connection dropped mid-response", Auth.API_KEY, t -> t.faults().dropConnections(1), OK, OK, OK, OK);
    row("malformed JSON in a tool result", Auth.API_KEY,
        t -> Stream.of("Get_List_of_Gates", "Get_Experiment_Details_by_ID").forEach(tool -> t.faults().malformedJson(tool, 1)),
        null, OK, OK, OK);
    row("result without its records (no 'data' member)", Auth.API_KEY,
        t -> Stream.of("Get_List_of_Gates", "Get_Experiment_Details_by_ID").forEach(tool -> t.faults().missingField(tool, "data", 1)),
        null, OK, OK, OK);
    row("MCP session expired (HTTP 404)", Auth.API_KEY, t -> t.faults().expireSessions(), null, OK, OK, OK);
    row("access token expires mid-query", Auth.OAUTH, t -> t.faults().expireAccessTokensAfter(1), null, OK, OK, OK);
    row("access token expired before connecting", Auth.OAUTH, t -> t.faults().expireAccessTokens(), OK, OK, OK, OK);
    Expected signInAgain = Expected.error("28000", "statsig-sql sources add emu");
    row("refresh token revoked (access token expired)", Auth.OAUTH, t -> {
      FaultMatrixTest.emulator.auth().revokeRefreshTokens();
      t.faults().expireAccessTokens();
    }, signInAgain, signInAgain, signInAgain, signInAgain);
    Expected authServerDown = Expected.error("08001", "authorization server");
    row("authorization server down at refresh", Auth.OAUTH, t -> {
      t.tokenEndpointUnreachable();
      t.faults().expireAccessTokens();
    }, authServerDown, authServerDown, authServerDown, authServerDown);
    Expected timedOut = Expected.error("HYT00", "raise the timeoutSeconds");
    row("server stops answering (latency above timeoutSeconds)", Auth.API_KEY, 1, t -> t.faults().latencyMillis(2500),
        timedOut, timedOut, timedOut, timedOut);
  }

  private static final String LIST_SQL = "SELECT id, name, status, is_enabled FROM gates";
  private static final String DETAIL_SQL_PREFIX = "SELECT id, name, status FROM experiments WHERE id IN ";

  private static EmulatorServer emulator;
  private static Path vaultDir;
  private static Map<Phase, List<Map<String, Object>>> faultFree;
  private static String detailSql;

  @BeforeAll
  static void start() throws Exception {
    emulator = EmulatorServer.start(EmulatorConfig.defaults().today(StatsigEmulator.TODAY).autoApprove(true)
        .apiKey(StatsigEmulator.API_KEY, true));
    vaultDir = Files.createTempDirectory("fault-matrix-vault");
    try (Connection connection = connect(Auth.API_KEY, TIMEOUT_SECONDS)) {
      List<Object> ids = rows(connection, "SELECT id FROM experiments").stream().map(r -> r.get("id")).limit(6).toList();
      detailSql = DETAIL_SQL_PREFIX + "(" + ids.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + ", " + b).orElseThrow() + ")"
          + " ORDER BY id";
      List<Map<String, Object>> list = rows(connection, LIST_SQL);
      faultFree = Map.of(Phase.CONNECT, list, Phase.LIST_SCAN, list, Phase.LIST_SCAN_AFTER_FIRST_ROW, list,
          Phase.DETAIL_FAN_OUT, rows(connection, detailSql));
    }
    assertThat(faultFree.get(Phase.LIST_SCAN)).as("two pages of gates").hasSizeGreaterThan(100);
    assertThat(faultFree.get(Phase.DETAIL_FAN_OUT)).hasSize(6);
  }

  /** Pulse results in camelCase (the schema) instead of snake_case (the spec's example): the same rows. */
  @Test
  void resultsInTheOtherCaseConventionGiveTheSameRows() throws Exception {
    String sql = "SELECT metric_id, metric_role, test_group_id, percent_change, p_value, test_units, control_units"
        + " FROM experiment_results WHERE experiment_id = 'checkout_v2' ORDER BY metric_id, test_group_id";
    List<Map<String, Object>> snakeCase;
    try (Connection connection = connect(Auth.API_KEY, TIMEOUT_SECONDS)) {
      snakeCase = rows(connection, sql);
    }
    try (EmulatorServer camelCase = EmulatorServer.start(EmulatorConfig.defaults().today(StatsigEmulator.TODAY)
            .quirks(ApiQuirks.schemaConformant()).apiKey(StatsigEmulator.API_KEY, false));
        Connection connection = DriverManager.getConnection(StatsigDriver.PREFIX + "url=" + camelCase.mcpUrl(),
            apiKey())) {
      List<Map<String, Object>> camel = rows(connection, sql);

      assertThat(snakeCase).isNotEmpty().allSatisfy(r -> assertThat(r.get("percent_change")).isNotNull());
      assertThat(camel).isEqualTo(snakeCase);
    }
  }

  /** A record without a field the table maps: NULL in that column for that record, every other value as without the fault. */
  @Test
  void aRecordWithoutAFieldGivesNullInThatColumnOnly() throws Exception {
    faults().missingField("Get_List_of_Gates", "status", 1); // the first page of two
    List<Map<String, Object>> rows;
    try (Connection connection = connect(Auth.API_KEY, TIMEOUT_SECONDS)) {
      rows = rows(connection, LIST_SQL);
    }
    List<Map<String, Object>> expected = faultFree.get(Phase.LIST_SCAN);
    assertThat(faults().injected("missingField")).isEqualTo(1);
    assertThat(rows).hasSameSizeAs(expected);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> withoutStatus = new java.util.HashMap<>(expected.get(i));
      withoutStatus.put("status", null);
      assertThat(rows.get(i)).isIn(expected.get(i), withoutStatus);
    }
    assertThat(rows).filteredOn(r -> r.get("status") == null).hasSize(100);
  }

  /** Bytes that are not UTF-8 in a result: the JDK's decoder puts U+FFFD in their place; every other value is intact. */
  @Test
  void bytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
    faults().invalidUtf8("Get_List_of_Gates", 1);
    List<Map<String, Object>> rows;
    try (Connection connection = connect(Auth.API_KEY, TIMEOUT_SECONDS)) {
      rows = rows(connection, LIST_SQL);
    }
    List<Map<String, Object>> expected = faultFree.get(Phase.LIST_SCAN);
    assertThat(faults().injected("invalidUtf8")).isEqualTo(1);
    assertThat(rows).hasSameSizeAs(expected);
    List<Integer> damaged = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).equals(expected.get(i))) {
        damaged.add(i);
      }
    }
    assertThat(damaged).hasSize(1);
    Map<String, Object> row = rows.get(damaged.get(0));
    String original = (String) expected.get(damaged.get(0)).get("id");
    assertThat((String) row.get("id")).startsWith(original).contains("\uFFFD").doesNotContain("\uE000");
  }

  private static Properties apiKey() {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.API_KEY.key(), StatsigEmulator.API_KEY);
    return properties;
  }

  /** Points the saved sign-in's token endpoint at a closed port: the authorization server is down. */
  void tokenEndpointUnreachable() {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URI down = URI.create("http://127.0.0.1:" + closedPort + "/oauth/token");
    DataSources.fromConfiguration(vaultProperties(), Map.of()).vault().update("emu", c -> new CredentialSet(
        c.accessToken(), c.refreshToken(), c.expiresAt(), c.scope(), c.resource(), c.issuer(), down,
        c.revocationEndpoint(), c.client(), c.apiKey()));
  }

  private static void signIn() {
    DataSources sources = DataSources.fromConfiguration(vaultProperties(), Map.of());
    sources.signIn(DataSourceProfile.oauth("emu", emulator.mcpUrl(), null, null), sources.userAgent("direct", System.err));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void noFaults() {
    faults().reset();
  }

  Faults faults() {
    return emulator.faults();
  }

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachFaultRecoversExactlyOrFailsClearly(Case c) throws Exception {
    List<Map<String, Object>> result = null;
    SQLException error = null;
    try {
      result = run(c);
    } catch (SQLException e) {
      error = e;
    }
    assertThat(faults().injected()).as("the fault was injected").isNotEmpty();
    if (c.expected().sqlState() == null) {
      assertThat((Object) error).as("no error expected").isNull();
      assertThat(result).isEqualTo(faultFree.get(c.phase()));
    } else {
      assertThat(result).as("no result, partial or whole").isNull();
      assertThat((Object) error).isNotNull();
      assertThat(error.getSQLState()).as(error.getMessage()).isEqualTo(c.expected().sqlState());
      assertThat(error.getMessage()).containsIgnoringCase(c.expected().messageSays());
    }
  }

  private List<Map<String, Object>> run(Case c) throws SQLException {
    if (c.auth() == Auth.OAUTH) {
      signIn(); // a fresh sign-in: an earlier case may have revoked the saved one
    }
    if (c.phase() == Phase.CONNECT) {
      c.inject().accept(this);
      try (Connection connection = connect(c)) {
        return rows(connection, LIST_SQL);
      }
    }
    try (Connection connection = connect(c); Statement statement = connection.createStatement()) {
      if (c.phase() == Phase.DETAIL_FAN_OUT) {
        c.inject().accept(this);
        return rows(connection, detailSql);
      }
      if (c.phase() == Phase.LIST_SCAN) {
        c.inject().accept(this);
        return rows(connection, LIST_SQL);
      }
      try (ResultSet rs = statement.executeQuery(LIST_SQL)) {
        assertThat(rs.next()).isTrue();
        Map<String, Object> first = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          first.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
        }
        c.inject().accept(this);
        List<Map<String, Object>> all = new ArrayList<>(List.of(first));
        all.addAll(StatsigEmulator.rows(rs));
        return all;
      }
    }
  }

  private static Connection connect(Case c) throws SQLException {
    return connect(c.auth(), c.timeoutSeconds());
  }

  private static Connection connect(Auth auth, int timeoutSeconds) throws SQLException {
    Properties properties = vaultProperties();
    properties.setProperty(StatsigProperty.CACHE_TTL_SECONDS.key(), "0");
    properties.setProperty(StatsigProperty.RETRY_BASE_DELAY_MILLIS.key(), "10"); // retries are what is tested, not waits
    properties.setProperty(StatsigProperty.TIMEOUT_SECONDS.key(), Integer.toString(timeoutSeconds));
    // Pages of 100: the 120 gates take two, so that a fault can strike after rows were returned.
    properties.setProperty(StatsigProperty.PAGE_SIZE.key(), "100");
    if (auth == Auth.API_KEY) {
      properties.setProperty(StatsigProperty.URL.key(), emulator.mcpUrl());
      properties.setProperty(StatsigProperty.API_KEY.key(), StatsigEmulator.API_KEY);
    } else {
      properties.setProperty(StatsigProperty.PROFILE.key(), "emu");
    }
    return DriverManager.getConnection(StatsigDriver.PREFIX, properties);
  }

  private static Properties vaultProperties() {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), "fault-matrix-master-passphrase");
    return properties;
  }
}
