package dev.statsigjdbc.emulator.auth;

import static dev.statsigjdbc.emulator.auth.OAuthTestClient.everything;
import static dev.statsigjdbc.emulator.auth.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.EmulatorConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard on /v1/mcp: bearer tokens and their lifetimes, API keys, and the open mode. */
class McpGuardTest {
  private static final String READ_KEY = "console-readonly-0123456789abcdef";
  private static final String WRITE_KEY = "console-readwrite-fedcba9876543210";

  private final MutableClock clock = new MutableClock();
  private AuthTestServer server;
  private OAuthTestClient client;

  private void start(EmulatorConfig config) throws Exception {
    server = new AuthTestServer(config.autoApprove(true).clock(clock));
    client = new OAuthTestClient(server);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void everyMethodNeedsCredentials() throws Exception {
    start(EmulatorConfig.defaults());
    for (String method : List.of("POST", "GET", "DELETE")) {
      HttpResponse<String> response = client.send(method, AuthModule.MCP_PATH);
      assertThat(response.statusCode()).as(method).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
          .startsWith("Bearer resource_metadata=\"" + server.base() + "/.well-known/oauth-protected-resource/v1/mcp\"")
          .doesNotContain("error=");
      assertThat(json(response).get("message").asText()).contains("sign in with OAuth");
    }
  }

  @Test
  void aBadBearerTokenGetsInvalidToken() throws Exception {
    start(EmulatorConfig.defaults());
    for (String authorization : List.of("Bearer made-up-token", "Basic dXNlcjpwYXNz", "Bearer")) {
      HttpResponse<String> response = client.send("POST", AuthModule.MCP_PATH, "Authorization", authorization);
      assertThat(response.statusCode()).as(authorization).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("resource_metadata=", "error=\"invalid_token\"");
      assertThat(everything(response)).doesNotContain("made-up-token");
    }
  }

  @Test
  void accessTokensExpireAfterTheirTtlAndRefreshBringsANewOne() throws Exception {
    start(EmulatorConfig.defaults().accessTokenTtl(Duration.ofMinutes(5)));
    OAuthTestClient.Client registered = client.registerPublic();
    JsonNode tokens = client.obtainTokens(registered);
    String access = tokens.get("access_token").asText();
    assertThat(tokens.get("expires_in").asLong()).isEqualTo(300);
    clock.advance(Duration.ofMinutes(4));
    assertThat(client.callMcp(access).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(1));

    HttpResponse<String> expired = client.callMcp(access);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    assertThat(everything(expired)).doesNotContain(access);
    JsonNode refreshed = json(client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.refreshParams(tokens.get("refresh_token").asText())));
    assertThat(client.callMcp(refreshed.get("access_token").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void refreshTokensExpireAfterTheirTtl() throws Exception {
    start(EmulatorConfig.defaults().refreshTokenTtl(Duration.ofDays(1)));
    OAuthTestClient.Client registered = client.registerPublic();
    String refresh = client.obtainTokens(registered).get("refresh_token").asText();

    clock.advance(Duration.ofDays(1));

    HttpResponse<String> response = client.postAsClient(AuthUrls.TOKEN_PATH, registered, client.refreshParams(refresh));
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void expireAccessTokensForcesARefresh() throws Exception {
    start(EmulatorConfig.defaults());
    OAuthTestClient.Client registered = client.registerPublic();
    JsonNode tokens = client.obtainTokens(registered);
    assertThat(server.module().liveAccessTokens()).isEqualTo(1);

    server.module().expireAccessTokens();

    assertThat(server.module().liveAccessTokens()).isZero();
    assertThat(client.callMcp(tokens.get("access_token").asText()).statusCode()).isEqualTo(401);
    HttpResponse<String> refreshed = client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.refreshParams(tokens.get("refresh_token").asText()));
    assertThat(refreshed.statusCode()).isEqualTo(200);
  }

  @Test
  void revokeRefreshTokensForcesANewSignIn() throws Exception {
    start(EmulatorConfig.defaults());
    OAuthTestClient.Client registered = client.registerPublic();
    JsonNode tokens = client.obtainTokens(registered);

    server.module().revokeRefreshTokens();

    assertThat(server.module().liveRefreshTokens()).isZero();
    HttpResponse<String> refused = client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.refreshParams(tokens.get("refresh_token").asText()));
    assertThat(json(refused).get("error").asText()).isEqualTo("invalid_grant");
    assertThat(client.callMcp(tokens.get("access_token").asText()).statusCode())
        .as("access tokens live on until they expire").isEqualTo(200);
    assertThat(client.obtainTokens(registered).has("access_token")).isTrue();
  }

  @Test
  void apiKeysGiveReadOnlyOrReadWritePrincipalsNamedWithoutTheKey() throws Exception {
    start(EmulatorConfig.defaults().apiKey(READ_KEY, false).apiKey(WRITE_KEY, true));

    JsonNode reader = json(client.send("POST", AuthModule.MCP_PATH, ApiKeys.HEADER, READ_KEY));
    JsonNode writer = json(client.send("GET", AuthModule.MCP_PATH, ApiKeys.HEADER, WRITE_KEY));

    assertThat(reader.get("canWrite").asBoolean()).isFalse();
    assertThat(writer.get("canWrite").asBoolean()).isTrue();
    assertThat(reader.get("via").asText()).isEqualTo("api-key");
    assertThat(reader.get("subject").asText()).startsWith("api-key-").isNotEqualTo(writer.get("subject").asText());
    assertThat(reader.toString() + writer).doesNotContain(READ_KEY, WRITE_KEY, "0123456789abcdef", "fedcba9876543210");
  }

  @Test
  void anUnknownApiKeyIsRefusedWithAClearMessage() throws Exception {
    start(EmulatorConfig.defaults().apiKey(READ_KEY, false));
    String unknown = "console-not-configured-key-42";

    HttpResponse<String> response = client.send("POST", AuthModule.MCP_PATH, ApiKeys.HEADER, unknown);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("status").asInt()).isEqualTo(401);
    assertThat(json(response).get("message").asText()).contains("statsig-api-key", "does not know");
    assertThat(everything(response)).doesNotContain(unknown);
  }

  @Test
  void withoutRequireAuthEveryoneIsAnAnonymousWriter() throws Exception {
    start(EmulatorConfig.defaults().requireAuth(false));

    JsonNode principal = json(client.send("DELETE", AuthModule.MCP_PATH));

    assertThat(principal.get("subject").asText()).isEqualTo("anonymous");
    assertThat(principal.get("canWrite").asBoolean()).isTrue();
  }

  @Test
  void withoutScopesConfiguredNoScopeIsAdvertisedAndTokensMayWrite() throws Exception {
    start(EmulatorConfig.defaults().oauthScopes(List.of()));

    HttpResponse<String> challenge = client.send("POST", AuthModule.MCP_PATH);
    assertThat(challenge.headers().firstValue("WWW-Authenticate").orElseThrow()).doesNotContain("scope=");
    assertThat(json(client.get(AuthUrls.PRM_PATH)).has("scopes_supported")).isFalse();
    assertThat(json(client.get(AuthUrls.AS_METADATA_PATH)).has("scopes_supported")).isFalse();

    String access = client.obtainTokens(client.registerPublic()).get("access_token").asText();
    assertThat(json(client.callMcp(access)).get("canWrite").asBoolean()).isTrue();
  }
}
