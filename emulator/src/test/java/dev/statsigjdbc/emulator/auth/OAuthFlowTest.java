package dev.statsigjdbc.emulator.auth;

import static dev.statsigjdbc.emulator.auth.OAuthTestClient.json;
import static dev.statsigjdbc.emulator.auth.OAuthTestClient.redirectQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.statsigjdbc.emulator.EmulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole OAuth dance an MCP client performs, against a real server, with auto-approve. */
class OAuthFlowTest {
  private AuthTestServer server;
  private OAuthTestClient client;

  @BeforeEach
  void start() throws Exception {
    server = new AuthTestServer(EmulatorConfig.defaults().autoApprove(true));
    client = new OAuthTestClient(server);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void discoveryRegistrationAuthorizationTokensRefreshAndRevocation() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    List<String> secrets = new ArrayList<>();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      String base = server.base().toString();

      HttpResponse<String> unauthenticated = client.send("POST", AuthModule.MCP_PATH);
      assertThat(unauthenticated.statusCode()).isEqualTo(401);
      String prmUrl = base + "/.well-known/oauth-protected-resource/v1/mcp";
      assertThat(unauthenticated.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer resource_metadata=\"" + prmUrl + "\", scope=\"read\"");

      JsonNode prm = json(client.get(prmUrl));
      assertThat(prm.get("resource").asText()).isEqualTo(base + "/v1/mcp");
      assertThat(prm.get("authorization_servers")).extracting(JsonNode::asText).containsExactly(base);
      assertThat(prm.get("scopes_supported")).extracting(JsonNode::asText).containsExactly("read", "write");
      assertThat(prm.get("bearer_methods_supported")).extracting(JsonNode::asText).containsExactly("header");
      assertThat(json(client.get("/.well-known/oauth-protected-resource"))).isEqualTo(prm);

      HttpResponse<String> asResponse = client.get(base + "/.well-known/oauth-authorization-server");
      AuthorizationServerMetadata as = AuthorizationServerMetadata.parse(asResponse.body());
      assertThat(as.getIssuer().getValue()).isEqualTo(base);
      assertThat(as.getAuthorizationEndpointURI()).hasToString(base + "/oauth/authorize");
      assertThat(as.getTokenEndpointURI()).hasToString(base + "/oauth/token");
      assertThat(as.getRegistrationEndpointURI()).hasToString(base + "/oauth/register");
      assertThat(as.getRevocationEndpointURI()).hasToString(base + "/oauth/revoke");
      assertThat(as.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
      assertThat(as.supportsAuthorizationResponseIssuerParam()).isTrue();
      assertThat(json(asResponse).get("grant_types_supported")).extracting(JsonNode::asText)
          .containsExactly("authorization_code", "refresh_token");
      assertThat(json(asResponse).get("token_endpoint_auth_methods_supported")).extracting(JsonNode::asText)
          .containsExactly("none", "client_secret_post", "client_secret_basic");
      assertThat(json(asResponse).get("scopes_supported")).extracting(JsonNode::asText).containsExactly("read", "write");
      assertThat(json(client.get("/.well-known/openid-configuration"))).isEqualTo(json(asResponse));

      OAuthTestClient.Client registered = client.registerPublic();
      assertThat(registered.secret()).isNull();

      OAuthTestClient.Attempt attempt = OAuthTestClient.Attempt.fresh();
      HttpResponse<String> authorization = client.authorize(client.authorizationParams(registered, attempt));
      assertThat(authorization.statusCode()).isEqualTo(302);
      assertThat(OAuthTestClient.location(authorization).toString()).startsWith(OAuthTestClient.REDIRECT + "?");
      Map<String, String> redirect = redirectQuery(authorization);
      assertThat(redirect).containsEntry("state", attempt.state()).containsEntry("iss", base);
      String code = redirect.get("code");
      secrets.add(code);

      HttpResponse<String> tokenResponse = client.postAsClient(AuthUrls.TOKEN_PATH, registered,
          client.codeExchangeParams(registered, code, attempt));
      assertThat(tokenResponse.statusCode()).isEqualTo(200);
      assertThat(tokenResponse.headers().firstValue("Cache-Control")).hasValue("no-store");
      JsonNode tokens = json(tokenResponse);
      assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
      assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
      assertThat(tokens.get("scope").asText()).isEqualTo("read");
      String access = tokens.get("access_token").asText();
      String refresh = tokens.get("refresh_token").asText();
      secrets.addAll(List.of(access, refresh));

      for (String method : List.of("POST", "GET", "DELETE")) {
        HttpResponse<String> call = client.send(method, AuthModule.MCP_PATH, "Authorization", "Bearer " + access);
        assertThat(call.statusCode()).as(method).isEqualTo(200);
        assertThat(json(call).get("method").asText()).isEqualTo(method);
      }
      JsonNode principal = json(client.callMcp(access));
      assertThat(principal.get("subject").asText()).isEqualTo("emulator-user");
      assertThat(principal.get("canWrite").asBoolean()).isFalse();
      assertThat(principal.get("via").asText()).isEqualTo("oauth");

      JsonNode rotated = json(client.postAsClient(AuthUrls.TOKEN_PATH, registered, client.refreshParams(refresh)));
      String access2 = rotated.get("access_token").asText();
      String refresh2 = rotated.get("refresh_token").asText();
      secrets.addAll(List.of(access2, refresh2));
      assertThat(refresh2).isNotEqualTo(refresh);
      assertThat(rotated.get("scope").asText()).isEqualTo("read");
      assertThat(client.callMcp(access2).statusCode()).isEqualTo(200);

      HttpResponse<String> oldRefresh = client.postAsClient(AuthUrls.TOKEN_PATH, registered, client.refreshParams(refresh));
      assertThat(oldRefresh.statusCode()).isEqualTo(400);
      assertThat(json(oldRefresh).get("error").asText()).isEqualTo("invalid_grant");

      HttpResponse<String> revocation = client.postAsClient(AuthUrls.REVOKE_PATH, registered,
          Map.of("token", refresh2, "token_type_hint", "refresh_token"));
      assertThat(revocation.statusCode()).isEqualTo(200);
      HttpResponse<String> revokedRefresh = client.postAsClient(AuthUrls.TOKEN_PATH, registered, client.refreshParams(refresh2));
      assertThat(json(revokedRefresh).get("error").asText()).isEqualTo("invalid_grant");
      HttpResponse<String> revokedAccess = client.callMcp(access2);
      assertThat(revokedAccess.statusCode()).isEqualTo(401);
      assertThat(revokedAccess.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");

      for (HttpResponse<String> refusal : List.of(oldRefresh, revokedRefresh, revokedAccess, revocation)) {
        assertThat(OAuthTestClient.everything(refusal)).doesNotContain(secrets);
      }
    } finally {
      System.setErr(originalErr);
    }
    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("Registered OAuth client").doesNotContain(secrets);
  }

  @Test
  void revokingAnAccessTokenLeavesItsRefreshTokenUsable() {
    OAuthTestClient.Client registered = client.registerPublic();
    JsonNode tokens = client.obtainTokens(registered);
    String access = tokens.get("access_token").asText();

    assertThat(client.postAsClient(AuthUrls.REVOKE_PATH, registered, Map.of("token", access)).statusCode()).isEqualTo(200);

    assertThat(client.callMcp(access).statusCode()).isEqualTo(401);
    HttpResponse<String> refreshed = client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.refreshParams(tokens.get("refresh_token").asText()));
    assertThat(refreshed.statusCode()).isEqualTo(200);
  }

  @Test
  void writeScopeGivesAWritingPrincipal() {
    OAuthTestClient.Client registered = client.registerPublic();
    OAuthTestClient.Attempt attempt = OAuthTestClient.Attempt.fresh();
    Map<String, String> params = client.authorizationParams(registered, attempt);
    params.put("scope", "read write");
    String code = redirectQuery(client.authorize(params)).get("code");
    JsonNode tokens = json(client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.codeExchangeParams(registered, code, attempt)));

    assertThat(tokens.get("scope").asText()).isEqualTo("read write");
    assertThat(json(client.callMcp(tokens.get("access_token").asText())).get("canWrite").asBoolean()).isTrue();
  }

  @Test
  void confidentialClientsAuthenticateWithTheirRegisteredMethod() {
    for (String method : List.of("client_secret_basic", "client_secret_post")) {
      OAuthTestClient.Client registered = client.register(method, OAuthTestClient.REDIRECT);
      assertThat(registered.secret()).as(method).isNotBlank();

      JsonNode tokens = client.obtainTokens(registered);
      assertThat(client.callMcp(tokens.get("access_token").asText()).statusCode()).isEqualTo(200);

      OAuthTestClient.Client wrongSecret = new OAuthTestClient.Client(
          registered.id(), "not-the-secret", method, registered.redirectUri());
      HttpResponse<String> refused = client.postAsClient(AuthUrls.TOKEN_PATH, wrongSecret,
          client.refreshParams(tokens.get("refresh_token").asText()));
      assertThat(refused.statusCode()).as(method).isEqualTo(401);
      assertThat(json(refused).get("error").asText()).isEqualTo("invalid_client");
      assertThat(OAuthTestClient.everything(refused)).doesNotContain(registered.secret(), "not-the-secret");

      String otherMethod = method.equals("client_secret_basic") ? "client_secret_post" : "client_secret_basic";
      OAuthTestClient.Client wrongMethod = new OAuthTestClient.Client(
          registered.id(), registered.secret(), otherMethod, registered.redirectUri());
      HttpResponse<String> refusedMethod = client.postAsClient(AuthUrls.TOKEN_PATH, wrongMethod,
          client.refreshParams(tokens.get("refresh_token").asText()));
      assertThat(json(refusedMethod).get("error").asText()).as(method).isEqualTo("invalid_client");

      HttpResponse<String> refreshed = client.postAsClient(AuthUrls.TOKEN_PATH, registered,
          client.refreshParams(tokens.get("refresh_token").asText()));
      assertThat(refreshed.statusCode()).as(method).isEqualTo(200);
    }
  }

  @Test
  void loopbackRedirectUrisMayUseAnyPort() {
    OAuthTestClient.Client registered = client.registerPublic();
    OAuthTestClient.Client onOtherPort = new OAuthTestClient.Client(
        registered.id(), null, "none", "http://127.0.0.1:54321/callback");
    OAuthTestClient.Attempt attempt = OAuthTestClient.Attempt.fresh();

    HttpResponse<String> authorization = client.authorize(client.authorizationParams(onOtherPort, attempt));

    assertThat(OAuthTestClient.location(authorization).toString()).startsWith("http://127.0.0.1:54321/callback?");
    String code = redirectQuery(authorization).get("code");
    assertThat(client.postAsClient(AuthUrls.TOKEN_PATH, onOtherPort, client.codeExchangeParams(onOtherPort, code, attempt))
        .statusCode()).isEqualTo(200);
  }

  @Test
  void browserClientsMayCallTheOAuthEndpointsCrossOrigin() {
    HttpResponse<String> preflight = client.send("OPTIONS", AuthUrls.TOKEN_PATH,
        "Origin", "http://localhost:6274", "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "content-type");
    HttpResponse<String> metadata = client.get(AuthUrls.AS_METADATA_PATH, "Origin", "http://localhost:6274");

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
    assertThat(metadata.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void registrationReturnsTheMetadataAsRegistered() {
    HttpResponse<String> response = client.postJson(AuthUrls.REGISTER_PATH, """
        {"client_name": "Sheets", "redirect_uris": ["https://bi.example.com/oauth/cb", "http://[::1]/cb"],
         "token_endpoint_auth_method": "client_secret_post"}
        """);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json(response);
    assertThat(body.get("client_id").asText()).startsWith("client-");
    assertThat(body.get("client_secret_expires_at").asLong()).isZero();
    assertThat(body.get("redirect_uris")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("https://bi.example.com/oauth/cb", "http://[::1]/cb");
    assertThat(body.get("client_name").asText()).isEqualTo("Sheets");
  }
}
