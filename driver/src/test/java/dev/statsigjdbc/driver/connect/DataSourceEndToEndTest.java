package dev.statsigjdbc.driver.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.statsigjdbc.driver.auth.UserAgent;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.mcp.McpSession;
import dev.statsigjdbc.driver.mcp.McpSessionException;
import dev.statsigjdbc.driver.profile.AuthKind;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.EncryptedValue;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data sources end to end against the emulator over real HTTP: dynamic registration, consent (auto-approved,
 * {@code direct} user agent), code exchange, MCP calls with the stored tokens, refresh, revocation.
 */
class DataSourceEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String API_KEY = "console-end-to-end-read-key";
  private static final Map<String, Object> FIVE_EXPERIMENTS = Map.of("params", Map.of("query_limit", 5));

  @TempDir Path vaultDir;
  private EmulatorServer emulator;

  @BeforeEach
  void start() {
    emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true).apiKey(API_KEY, false));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void aSignedInProfileConnectsWithoutSigningInAgainAndWithoutRegisteringAgain() {
    CredentialSet signedIn = add("emu");
    assertThat(emulator.auth().registeredClients()).isEqualTo(1);
    int tokensAfterSignIn = emulator.auth().liveAccessTokens();

    try (McpSession session = open(resolve(profile("emu")))) {
      assertThat(session.tools()).extracting(McpSchema.Tool::name).contains("Get_List_of_Experiments");
      assertThat(session.call("Get_List_of_Experiments", FIVE_EXPERIMENTS).isError()).isNotEqualTo(Boolean.TRUE);
    }
    assertThat(emulator.auth().liveAccessTokens()).as("no new sign-in").isEqualTo(tokensAfterSignIn);

    CredentialSet second = add("emu-2");
    assertThat(emulator.auth().registeredClients()).as("the cached registration is reused").isEqualTo(1);
    assertThat(second.client().clientId()).isEqualTo(signedIn.client().clientId());
  }

  @Test
  void anAccessTokenThatExpiresMidSessionIsRefreshedSilentlyAndTheRotatedRefreshTokenPersisted() {
    CredentialSet before = add("emu");
    try (McpSession session = open(resolve(profile("emu")))) {
      session.call("Get_List_of_Experiments", FIVE_EXPERIMENTS);
      emulator.auth().expireAccessTokens();

      McpSchema.CallToolResult result = session.call("Get_List_of_Experiments", FIVE_EXPERIMENTS);

      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    }
    CredentialSet after = sources().vault().load("emu").orElseThrow();
    assertThat(after.refreshToken()).as("rotated token persisted").isNotEqualTo(before.refreshToken());
    assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
    // A new connection (as from another JVM) starts from the rotated token in the vault.
    emulator.auth().expireAccessTokens();
    try (McpSession session = open(resolve(profile("emu")))) {
      assertThat(session.call("Get_List_of_Tags", Map.of("params", Map.of())).isError()).isNotEqualTo(Boolean.TRUE);
    }
  }

  @Test
  void expiryAfterSomeToolCallsIsAlsoRefreshedSilently() {
    add("emu");
    emulator.faults().expireAccessTokensAfter(1);
    try (McpSession session = open(resolve(profile("emu")))) {
      session.call("Get_List_of_Experiments", FIVE_EXPERIMENTS);
      assertThat(session.call("Get_List_of_Experiments", FIVE_EXPERIMENTS).isError()).isNotEqualTo(Boolean.TRUE);
    }
    assertThat(emulator.faults().injected()).isNotEmpty();
  }

  @Test
  void aRevokedRefreshTokenAsksTheUserToAddTheSourceAgain() {
    add("emu");
    try (McpSession session = open(resolve(profile("emu")))) {
      emulator.auth().revokeRefreshTokens();
      emulator.auth().expireAccessTokens();

      assertThatThrownBy(() -> session.call("Get_List_of_Experiments", FIVE_EXPERIMENTS))
          .isInstanceOf(McpSessionException.class)
          .hasMessageContaining("run `statsig-sql sources add emu`")
          .satisfies(e -> assertThat(((McpSessionException) e).kind()).isEqualTo(McpSessionException.Kind.UNAUTHORIZED));
    }
  }

  @Test
  void aCallWhoseSessionExpiredIsRetried() {
    add("emu");
    try (McpSession session = open(resolve(profile("emu")))) {
      emulator.faults().expireSessions();
      assertThat(session.call("Get_List_of_Tags", Map.of("params", Map.of())).isError()).isNotEqualTo(Boolean.TRUE);
    }
  }

  @Test
  void removingASourceRevokesItsTokensAtTheServerAndForgetsIt() {
    add("emu");
    assertThat(emulator.auth().liveRefreshTokens()).isEqualTo(1);

    DataSources.Removal removal = sources().remove("emu");

    assertThat(removal).isEqualTo(new DataSources.Removal(true, true, true));
    assertThat(emulator.auth().liveRefreshTokens()).isZero();
    assertThat(emulator.auth().liveAccessTokens()).isZero();
    assertThat(sources().vault().load("emu")).isEmpty();
    assertThatThrownBy(() -> resolve(profile("emu"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statsig-sql sources add emu");
  }

  @Test
  void theProfileFileIsOwnerOnlyAndHoldsNoSecret() throws Exception {
    CredentialSet credentials = add("emu");
    Path file = sources().profiles().path();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String text = Files.readString(file);
    assertThat(text).contains("\"emu\"", emulator.mcpUrl(), "\"oauth\"")
        .doesNotContain(credentials.accessToken().reveal(), credentials.refreshToken().reveal());
  }

  @Test
  void aUrlAloneSignsInOnceAndThenUsesTheSavedSource() {
    Properties properties = base();
    properties.setProperty(StatsigProperty.URL.key(), emulator.mcpUrl());
    properties.setProperty(StatsigProperty.BROWSER.key(), "direct");

    ConnectionTarget first = resolve(properties);
    try (McpSession session = open(first)) {
      assertThat(session.tools()).isNotEmpty();
    }
    int tokens = emulator.auth().liveAccessTokens();
    ConnectionTarget second = resolve(properties);
    try (McpSession session = open(second)) {
      assertThat(session.tools()).isNotEmpty();
    }

    assertThat(second.sourceName()).isEqualTo(first.sourceName()).isEqualTo(ConnectionTargets.suggestedName(McpServerAddress.parse(emulator.mcpUrl())));
    assertThat(emulator.auth().liveAccessTokens()).isEqualTo(tokens);
  }

  @Test
  void withoutADesktopAUrlWithoutSavedCredentialsAsksForSourcesAdd() {
    assumeThat(GraphicsEnvironment.isHeadless()).isTrue();
    Properties properties = base();
    properties.setProperty(StatsigProperty.URL.key(), emulator.mcpUrl());

    assertThatThrownBy(() -> resolve(properties)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("statsig-sql sources add").hasMessageContaining(emulator.mcpUrl());
    assertThat(emulator.auth().registeredClients()).isZero();
  }

  @Test
  void anApiKeyProfileReadsItsKeyFromTheNamedEnvironmentVariable() {
    sources().profiles().save(DataSourceProfile.apiKeyFromEnvironment("keyed", emulator.mcpUrl(), "EMU_KEY"));

    try (McpSession session = open(ConnectionTargets.resolve(profile("keyed"), Map.of("EMU_KEY", API_KEY)))) {
      assertThat(session.call("Get_List_of_Experiments", FIVE_EXPERIMENTS).isError()).isNotEqualTo(Boolean.TRUE);
    }
    assertThatThrownBy(() -> ConnectionTargets.resolve(profile("keyed"), Map.of()))
        .hasMessageContaining("EMU_KEY").hasMessageContaining("not set");
  }

  @Test
  void anEncryptedApiKeyPropertyIsDecryptedWithTheMasterPassword() {
    Properties properties = base();
    properties.setProperty(StatsigProperty.URL.key(), emulator.mcpUrl());
    properties.setProperty(StatsigProperty.API_KEY.key(), EncryptedValue.encrypt(API_KEY, "pw".toCharArray()));

    ConnectionTarget target = ConnectionTargets.resolve(properties, Map.of(EncryptedValue.PASSWORD_ENVIRONMENT_VARIABLE, "pw"));

    try (McpSession session = open(target)) {
      assertThat(session.tools()).isNotEmpty();
    }
    assertThat(target.sourceName()).isNull();
  }

  @Test
  void aProfileNeverStoresAClearApiKey() {
    assertThatThrownBy(() -> new DataSourceProfile("k", emulator.mcpUrl(), AuthKind.API_KEY, null, API_KEY, null, null))
        .hasMessageContaining("statsig-sql encrypt").hasMessageNotContaining(API_KEY);
  }

  private CredentialSet add(String name) {
    DataSources sources = sources();
    UserAgent direct = sources.userAgent("direct", System.err);
    return sources.signIn(DataSourceProfile.oauth(name, emulator.mcpUrl(), null, null), direct);
  }

  private DataSources sources() {
    return DataSources.fromConfiguration(base(), Map.of());
  }

  private Properties base() {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), "end-to-end-test-master-passphrase");
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
