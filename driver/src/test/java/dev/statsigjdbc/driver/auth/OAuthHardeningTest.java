package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth attacks of docs/reliability.md's security table, re-proved against the emulator's real
 * authorization server: a browser (the user agent) that tampers with the authorization link the way
 * an attacker would. Each sign-in fails with a clear error and nothing is saved.
 */
class OAuthHardeningTest {
  private EmulatorServer emulator;
  private DataSources sources;
  private final List<URI> authorizationUrls = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    emulator = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true));
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), Files.createTempDirectory("oauth-hardening").toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), "oauth-hardening-master-passphrase");
    sources = DataSources.fromConfiguration(properties, Map.of());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void anUntamperedSignInWorksAndRegistersOnlyALoopbackRedirect() {
    signIn(url -> url);

    Map<String, String> query = query(authorizationUrls.get(0));
    URI redirect = URI.create(query.get("redirect_uri"));
    assertThat(redirect.getScheme()).isEqualTo("http");
    assertThat(redirect.getHost()).isEqualTo("127.0.0.1");
    assertThat(query).containsEntry("code_challenge_method", "S256").containsKey("state").containsKey("resource");
    assertThat(sources.vault().load("emu")).isPresent();
  }

  @Test
  void aForgedStateIsRefusedBeforeTheCodeIsExchanged() {
    assertThatThrownBy(() -> signIn(url -> withParameter(url, "state", "forged-by-an-attacker")))
        .isInstanceOf(OAuthException.class).hasMessageContaining("did not carry the state");
    assertThat(sources.vault().load("emu")).isEmpty();
  }

  @Test
  void aCodeIssuedForAnotherVerifierIsRefused() {
    // The attacker's own PKCE pair: the code the server issues is bound to the attacker's challenge,
    // so the driver's verifier cannot redeem it.
    String attackerChallenge = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue();

    assertThatThrownBy(() -> signIn(url -> withParameter(url, "code_challenge", attackerChallenge)))
        .isInstanceOf(OAuthException.class).hasMessageContaining("invalid_grant");
    assertThat(sources.vault().load("emu")).isEmpty();
  }

  @Test
  void aRedirectToAnotherHostIsNeverMade() {
    assertThatThrownBy(() -> signIn(url -> withParameter(url, "redirect_uri", "https://attacker.example/callback")))
        .isInstanceOf(ClientRejectedException.class).hasMessageContaining("refused the request (HTTP 400)")
        .hasMessageNotContaining("code=");
    assertThat(sources.vault().load("emu")).isEmpty();
  }

  /** Signs in through the direct user agent after {@code tamper} has changed the authorization link. */
  private void signIn(UnaryOperator<URI> tamper) {
    UserAgent direct = sources.userAgent("direct", System.err);
    UserAgent tampering = (url, redirect) -> {
      authorizationUrls.add(url);
      direct.open(tamper.apply(url), redirect);
    };
    sources.signIn(DataSourceProfile.oauth("emu", emulator.mcpUrl(), null, null), tampering);
  }

  private static Map<String, String> query(URI url) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  private static URI withParameter(URI url, String name, String value) {
    Map<String, String> query = query(url);
    query.put(name, value);
    String raw = query.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String base = url.toString();
    return URI.create(base.substring(0, base.indexOf('?') + 1) + raw);
  }
}
