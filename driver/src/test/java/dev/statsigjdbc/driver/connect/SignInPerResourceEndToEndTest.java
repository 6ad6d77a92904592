package dev.statsigjdbc.driver.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.auth.ReauthorizationRequiredException;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.mcp.McpSession;
import dev.statsigjdbc.driver.mcp.McpSessionException;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real emulator: sign-ins are per MCP server URL (Statsig's {@code /v1/mcp} and {@code /v3/mcp} are
 * protected resources of their own), and a server that issues no refresh tokens (as Statsig's metadata says)
 * gets a clear "sign in again" on a non-interactive connection and a new sign-in on an interactive one.
 */
class SignInPerResourceEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Map<String, Object> THREE_EXPERIMENTS = Map.of("params", Map.of("query_limit", 3));

  @TempDir Path vaultDir;

  @Test
  void aSourceSignsInToTheV3EndpointAndAV1SignInIsNotSentThere() {
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true))) {
      CredentialSet v3 = add(emulator.v3McpUrl(), "v3");
      assertThat(v3.resource()).isEqualTo(emulator.v3McpUrl());
      try (McpSession session = open(resolve(profile("v3")))) {
        assertThat(session.tools()).extracting(McpSchema.Tool::name).contains("experiment_read", "discover_tools");
        McpSchema.CallToolResult list = session.call("experiment_read",
            Map.of("action", "list", "arguments", THREE_EXPERIMENTS));
        assertThat(list.isError()).isNotEqualTo(Boolean.TRUE);
      }
      assertThat(emulator.stats().snapshot().calls("experiment_read", "list")).isEqualTo(1);

      add(emulator.mcpUrl(), "v1");
      // The v1 source now points at /v3/mcp (as an edited profile would): its /v1/mcp tokens must not be sent there.
      sources().profiles().save(DataSourceProfile.oauth("v1", emulator.v3McpUrl(), null, null));
      assertThatThrownBy(() -> resolve(profile("v1"))).isInstanceOf(ReauthorizationRequiredException.class)
          .hasMessageContaining("is for " + emulator.mcpUrl() + ", not " + emulator.v3McpUrl())
          .hasMessageContaining("run `statsig-sql sources add v1` again");
    }
  }

  @Test
  void aJdbcConnectionToTheV3EndpointListsItsToolsWithTheGuardsVerdicts() throws Exception {
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true))) {
      add(emulator.v3McpUrl(), "v3");
      Map<String, Boolean> exposed = new TreeMap<>();
      try (Connection connection = DriverManager.getConnection("jdbc:statsig:", profile("v3"));
          ResultSet rs = connection.createStatement().executeQuery(
              "SELECT name, action, exposed FROM statsig.statsig_tools")) {
        while (rs.next()) {
          exposed.put(rs.getString(1) + (rs.getString(2) == null ? "" : ":" + rs.getString(2)), rs.getBoolean(3));
        }
      }
      assertThat(exposed).containsEntry("experiment_read:list", true).containsEntry("log_read:audit_logs", true)
          .containsEntry("api_destructive", false).containsEntry("api_write", false).containsEntry("gate_create", false)
          .containsEntry("experiment_update", false);
      assertThat(emulator.stats().snapshot().writes()).isZero();
    }
  }

  @Test
  void withoutRefreshTokensANonInteractiveConnectionIsToldToSignInAgain() {
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true).issueRefreshTokens(false))) {
      CredentialSet signedIn = add(emulator.v3McpUrl(), "v3");
      assertThat(signedIn.refreshToken()).isNull();
      DataSources sources = sources();
      DataSourceProfile profile = sources.profiles().find("v3").orElseThrow();
      ConnectionTarget target = new ConnectionTarget(profile.address(),
          sources.credentials(profile, sources.userAgent("direct", System.err), false), "v3");
      try (McpSession session = open(target)) {
        assertThat(session.call("experiment_read", Map.of("action", "list", "arguments", THREE_EXPERIMENTS)).isError())
            .isNotEqualTo(Boolean.TRUE);
        emulator.auth().expireAccessTokens();

        assertThatThrownBy(() -> session.call("experiment_read", Map.of("action", "list", "arguments", THREE_EXPERIMENTS)))
            .isInstanceOf(McpSessionException.class)
            .hasMessageContaining("the server issues no refresh tokens")
            .hasMessageContaining("run `statsig-sql sources add v3` again to sign in")
            .satisfies(e -> assertThat(((McpSessionException) e).kind()).isEqualTo(McpSessionException.Kind.UNAUTHORIZED));
      }
      assertThat(emulator.auth().liveAccessTokens()).as("no sign-in behind the user's back").isZero();
    }
  }

  @Test
  void withoutRefreshTokensAJdbcQueryFailsWithTheNotAuthorizedStateAndSaysHowToSignIn() throws Exception {
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true).issueRefreshTokens(false))) {
      add(emulator.mcpUrl(), "v1");
      try (Connection connection = DriverManager.getConnection("jdbc:statsig:", profile("v1"));
          Statement statement = connection.createStatement()) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM statsig.experiments")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong(1)).isPositive();
        }
        emulator.auth().expireAccessTokens();
        assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM statsig.gates").close())
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("the server issues no refresh tokens")
            .hasMessageContaining("run `statsig-sql sources add v1` again")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
      }
    }
  }

  @Test
  void withoutRefreshTokensAnInteractiveConnectionSignsInAgain() {
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true).issueRefreshTokens(false))) {
      add(emulator.mcpUrl(), "v1");
      Properties interactive = profile("v1");
      interactive.setProperty(StatsigProperty.BROWSER.key(), "direct");
      try (McpSession session = open(resolve(interactive))) {
        session.call("Get_List_of_Experiments", THREE_EXPERIMENTS);
        emulator.auth().expireAccessTokens();

        assertThat(session.call("Get_List_of_Experiments", THREE_EXPERIMENTS).isError()).isNotEqualTo(Boolean.TRUE);
      }
      assertThat(emulator.auth().liveAccessTokens()).as("signed in again").isEqualTo(1);
      assertThat(emulator.auth().registeredClients()).as("with the cached registration").isEqualTo(1);
      assertThat(sources().vault().load("v1").orElseThrow().refreshToken()).isNull();
    }
  }

  @Test
  void aUrlAloneForV3SignsInAsASourceOfItsOwn() {
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true))) {
      add(emulator.mcpUrl(), "v1");
      Properties properties = base();
      properties.setProperty(StatsigProperty.URL.key(), emulator.v3McpUrl());
      properties.setProperty(StatsigProperty.BROWSER.key(), "direct");
      ConnectionTarget target = resolve(properties);
      try (McpSession session = open(target)) {
        assertThat(session.tools()).extracting(McpSchema.Tool::name).contains("gate_read");
      }
      assertThat(target.sourceName()).isNotEqualTo("v1")
          .startsWith(ConnectionTargets.suggestedName(McpServerAddress.parse(emulator.v3McpUrl())));
      assertThat(sources().vault().load(target.sourceName()).orElseThrow().resource()).isEqualTo(emulator.v3McpUrl());
      assertThat(sources().vault().load("v1").orElseThrow().resource()).isEqualTo(emulator.mcpUrl());
    }
  }

  private CredentialSet add(String url, String name) {
    DataSources sources = sources();
    return sources.signIn(DataSourceProfile.oauth(name, url, null, null), sources.userAgent("direct", System.err));
  }

  private DataSources sources() {
    return DataSources.fromConfiguration(base(), Map.of());
  }

  private Properties base() {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), "per-resource-test-master-passphrase");
    return properties;
  }

  private Properties profile(String name) {
    Properties properties = base();
    properties.setProperty(StatsigProperty.PROFILE.key(), name);
    return properties;
  }

  private static ConnectionTarget resolve(Properties properties) {
    return ConnectionTargets.resolve(properties, Map.of());
  }

  private static McpSession open(ConnectionTarget target) {
    return McpSession.open(target.address(), target.credentials(), TIMEOUT);
  }
}
