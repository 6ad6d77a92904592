package dev.statsigjdbc.driver.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.auth.OAuthException;
import dev.statsigjdbc.driver.auth.UserAgent;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person answering the emulator's real consent page: the browser is a separate HTTP client that, like a real
 * one, keeps loading while the driver goes on, so the page the loopback receiver sends must survive the driver
 * closing it as soon as it has the answer.
 */
class ConsentAnswerEndToEndTest {
  private static final Pattern CONSENT_ID = Pattern.compile("name=\"consent_id\" value=\"([^\"]+)\"");

  @TempDir Path vaultDir;
  private EmulatorServer emulator;
  private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final CompletableFuture<String> finalPage = new CompletableFuture<>();

  @BeforeEach
  void start() {
    emulator = EmulatorServer.start(EmulatorConfig.defaults());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void denyingConsentShowsAPageSayingSoAndTheErrorSaysConsentWasDenied() throws Exception {
    assertThatThrownBy(() -> signIn("deny")).isInstanceOf(OAuthException.class)
        .hasMessageContaining("Consent was denied").hasMessageContaining("choose Approve");
    assertThat(finalPage.get(10, TimeUnit.SECONDS)).contains("Access denied").contains("You denied access")
        .contains("choose Approve");
  }

  @Test
  void approvingConsentShowsTheSignedInPage() throws Exception {
    assertThat(signIn("approve").client().clientId()).isNotBlank();
    assertThat(finalPage.get(10, TimeUnit.SECONDS)).contains("Signed in").contains("You can close this window");
  }

  private CredentialSet signIn(String decision) {
    DataSources sources = DataSources.fromConfiguration(properties(), Map.of());
    return sources.signIn(DataSourceProfile.oauth("emu", emulator.mcpUrl(), null, null), person(decision));
  }

  /** Opens the consent page and answers it, asynchronously, as a browser does after the driver opened it. */
  private UserAgent person(String decision) {
    return (authorizationUrl, redirectUri) -> CompletableFuture.runAsync(() -> {
      try {
        String consent = browser.send(HttpRequest.newBuilder(authorizationUrl).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = CONSENT_ID.matcher(consent);
        assertThat(id.find()).as("the consent page carries its form: %s", consent).isTrue();
        URI authorize = URI.create(authorizationUrl.toString().substring(0, authorizationUrl.toString().indexOf('?')));
        String form = "consent_id=" + URLEncoder.encode(id.group(1), StandardCharsets.UTF_8) + "&decision=" + decision;
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(authorize)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.uri().getPort()).as("the answer came back to the loopback receiver").isEqualTo(redirectUri.getPort());
        finalPage.complete(answer.body());
      } catch (Throwable e) {
        finalPage.completeExceptionally(e);
      }
    });
  }

  private Properties properties() {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), "consent-test-master-passphrase");
    return properties;
  }
}
