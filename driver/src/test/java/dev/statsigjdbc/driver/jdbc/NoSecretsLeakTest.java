package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.statsigjdbc.driver.auth.HttpTransport;
import dev.statsigjdbc.driver.auth.UserAgent;
import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.Secret;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole OAuth + query flow with DEBUG logging (simplelogger.properties) captured from
 * System.err and System.out: no access token, refresh token, client secret, API key or
 * authorization code appears in a log line, an exception message or a {@code toString()}.
 */
@Tag("debug-logs") // runs in its own surefire execution with DEBUG logging (driver/pom.xml)
class NoSecretsLeakTest {
  private static final String MASTER_KEY = "no-secrets-master-passphrase";
  private static final String API_KEY = "console-no-secrets-api-key-5f1c";
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

  @TempDir Path vaultDir;

  @Test
  void noSecretAppearsInLogsMessagesOrToString() throws Exception {
    List<String> secrets = new ArrayList<>(List.of(API_KEY));
    List<String> texts = new ArrayList<>();
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream err = System.err;
    PrintStream out = System.out;
    System.setErr(new PrintStream(tee(err, captured), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(tee(out, captured), true, StandardCharsets.UTF_8));
    try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true).apiKey(API_KEY, false))) {
      DataSources sources = DataSources.fromConfiguration(vault(), Map.of());
      CredentialSet signedIn = sources.signIn(DataSourceProfile.oauth("emu", emulator.mcpUrl(), null, null),
          recordingCodes(secrets));
      secrets.addAll(secretsOf(signedIn));
      texts.add(signedIn.toString());

      Properties profile = vault();
      profile.setProperty(StatsigProperty.PROFILE.key(), "emu");
      try (Connection connection = DriverManager.getConnection(StatsigDriver.PREFIX, profile);
          Statement statement = connection.createStatement()) {
        rows(connection, "SELECT id FROM experiments LIMIT 3");
        emulator.faults().expireAccessTokens(); // forces a refresh: new access and refresh tokens
        try (ResultSet rs = statement.executeQuery("SELECT id, name FROM gates LIMIT 3")) {
          rows(rs);
          texts.addAll(List.of(connection.toString(), statement.toString(), rs.toString()));
        }
        texts.add(connection.getMetaData().getURL());
      }
      CredentialSet refreshed = sources.vault().load("emu").orElseThrow();
      secrets.addAll(secretsOf(refreshed));
      texts.addAll(List.of(refreshed.toString(), sources.vault().toString()));

      emulator.auth().revokeRefreshTokens();
      emulator.faults().expireAccessTokens();
      texts.add(messages(catchThrowableOfType(SQLException.class,
          () -> DriverManager.getConnection(StatsigDriver.PREFIX, profile))));

      try (Connection byKey = DriverManager.getConnection(StatsigDriver.PREFIX + "url=" + emulator.mcpUrl(), apiKey(API_KEY))) {
        rows(byKey, "SELECT id FROM tags LIMIT 2");
        texts.addAll(List.of(byKey.toString(), byKey.getMetaData().getURL()));
      }
      texts.add(messages(catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
          StatsigDriver.PREFIX + "url=" + emulator.mcpUrl(), apiKey(API_KEY + "-wrong")))));
      secrets.add(API_KEY + "-wrong");
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);

    assertThat(logs).as("DEBUG logging was captured").contains("DEBUG");
    assertThat(secrets).as("secrets collected").hasSizeGreaterThanOrEqualTo(6).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
    for (String secret : secrets) {
      assertThat(logs).as("logs").doesNotContain(secret);
      assertThat(texts).as("messages and toString()").noneMatch(t -> t.contains(secret));
    }
    assertOwnerOnly(vaultDir);
  }

  /** The direct user agent, recording the authorization code from the redirect. */
  private static UserAgent recordingCodes(List<String> secrets) {
    HttpTransport http = HttpTransport.defaults();
    return (authorizationUrl, redirectUri) -> {
      HTTPResponse response = http.get(authorizationUrl, "text/html", "authorization endpoint");
      URI target = authorizationUrl.resolve(Objects.requireNonNull(response.getHeaderValue("Location")));
      Matcher code = CODE.matcher(target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
      assertThat(code.find()).as("the redirect carries a code").isTrue();
      secrets.add(code.group(1));
      http.get(target, "text/html", "loopback redirect receiver");
    };
  }

  private static List<String> secretsOf(CredentialSet credentials) {
    Stream<Secret> secrets = Stream.of(credentials.accessToken(), credentials.refreshToken(),
        credentials.client() == null ? null : credentials.client().clientSecret());
    return secrets.filter(Objects::nonNull).map(Secret::reveal).toList();
  }

  private static String messages(Throwable failure) {
    assertThat(failure).isNotNull();
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }

  private static void assertOwnerOnly(Path directory) throws Exception {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
            .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
      }
    }
  }

  private static OutputStream tee(OutputStream first, OutputStream second) {
    return new OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        first.write(b);
        second.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        first.write(b, off, len);
        second.write(b, off, len);
      }
    };
  }

  private Properties vault() {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), MASTER_KEY);
    return properties;
  }

  private static Properties apiKey(String key) {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.API_KEY.key(), key);
    return properties;
  }
}
