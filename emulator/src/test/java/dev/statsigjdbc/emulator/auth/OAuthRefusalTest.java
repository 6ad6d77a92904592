package dev.statsigjdbc.emulator.auth;

import static dev.statsigjdbc.emulator.auth.OAuthTestClient.everything;
import static dev.statsigjdbc.emulator.auth.OAuthTestClient.json;
import static dev.statsigjdbc.emulator.auth.OAuthTestClient.redirectQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.statsigjdbc.emulator.EmulatorConfig;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request the authorization server must refuse, with the exact OAuth error it answers. */
class OAuthRefusalTest {
  private AuthTestServer server;
  private OAuthTestClient client;
  private OAuthTestClient.Client registered;
  private OAuthTestClient.Attempt attempt;

  @BeforeEach
  void start() throws Exception {
    server = new AuthTestServer(EmulatorConfig.defaults().autoApprove(true));
    client = new OAuthTestClient(server);
    registered = client.registerPublic();
    attempt = OAuthTestClient.Attempt.fresh();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  // ---- /oauth/authorize: errors sent back to the (verified) redirect URI

  @Test
  void missingPkceIsRefused() {
    Map<String, String> params = client.authorizationParams(registered, attempt);
    params.remove("code_challenge");
    params.remove("code_challenge_method");

    assertRedirectedError(client.authorize(params), "invalid_request");
  }

  @Test
  void plainPkceIsRefused() {
    Map<String, String> params = client.authorizationParams(registered, attempt);
    params.put("code_challenge", attempt.verifier().getValue());
    params.put("code_challenge_method", "plain");

    assertRedirectedError(client.authorize(params), "invalid_request");
  }

  @Test
  void missingOrWrongResourceIsRefusedAtAuthorization() {
    Map<String, String> params = client.authorizationParams(registered, attempt);
    params.remove("resource");
    assertRedirectedError(client.authorize(params), "invalid_request");

    params.put("resource", server.base() + "/v1/mcp/");
    assertRedirectedError(client.authorize(params), "invalid_target");
  }

  @Test
  void unknownScopeIsRefused() {
    Map<String, String> params = client.authorizationParams(registered, attempt);
    params.put("scope", "read admin");

    assertRedirectedError(client.authorize(params), "invalid_scope");
  }

  @Test
  void unsupportedResponseTypeIsRefused() {
    Map<String, String> params = client.authorizationParams(registered, attempt);
    params.put("response_type", "token");

    assertRedirectedError(client.authorize(params), "unsupported_response_type");
  }

  // ---- /oauth/authorize: errors shown as a page, never redirected

  @Test
  void unknownClientGetsAnErrorPageNotARedirect() {
    Map<String, String> params = client.authorizationParams(registered, attempt);
    params.put("client_id", "client-never-registered");

    HttpResponse<String> response = client.authorize(params);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(response.body()).contains("not registered");
  }

  @Test
  void unregisteredRedirectUriGetsAnErrorPageNotARedirect() {
    for (String redirect : new String[] {"https://attacker.example/cb", "http://127.0.0.1:7777/other", "not a uri"}) {
      Map<String, String> params = client.authorizationParams(registered, attempt);
      params.put("redirect_uri", redirect);

      HttpResponse<String> response = client.authorize(params);

      assertThat(response.statusCode()).as(redirect).isEqualTo(400);
      assertThat(response.headers().firstValue("Location")).as(redirect).isEmpty();
      assertThat(response.body()).contains("redirect_uri");
    }
  }

  // ---- /oauth/token

  @Test
  void wrongCodeVerifierIsInvalidGrant() {
    String code = client.authorizeForCode(registered, attempt);
    Map<String, String> params = client.codeExchangeParams(registered, code, attempt);
    String wrongVerifier = new CodeVerifier().getValue();
    params.put("code_verifier", wrongVerifier);

    HttpResponse<String> response = client.postAsClient(AuthUrls.TOKEN_PATH, registered, params);

    assertTokenError(response, 400, "invalid_grant");
    assertThat(everything(response)).doesNotContain(code, wrongVerifier, attempt.verifier().getValue());
  }

  @Test
  void wrongRedirectUriAtTheTokenEndpointIsInvalidGrant() {
    String code = client.authorizeForCode(registered, attempt);
    Map<String, String> params = client.codeExchangeParams(registered, code, attempt);
    params.put("redirect_uri", "http://127.0.0.1:7777/elsewhere");

    assertTokenError(client.postAsClient(AuthUrls.TOKEN_PATH, registered, params), 400, "invalid_grant");
  }

  @Test
  void reusedCodeIsInvalidGrantAndRevokesItsTokens() {
    String code = client.authorizeForCode(registered, attempt);
    Map<String, String> params = client.codeExchangeParams(registered, code, attempt);
    JsonNode first = json(client.postAsClient(AuthUrls.TOKEN_PATH, registered, params));
    String access = first.get("access_token").asText();
    assertThat(client.callMcp(access).statusCode()).isEqualTo(200);

    HttpResponse<String> replay = client.postAsClient(AuthUrls.TOKEN_PATH, registered, params);

    assertTokenError(replay, 400, "invalid_grant");
    assertThat(everything(replay)).doesNotContain(code, access);
    assertThat(client.callMcp(access).statusCode()).isEqualTo(401);
    assertTokenError(client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.refreshParams(first.get("refresh_token").asText())), 400, "invalid_grant");
  }

  @Test
  void reusedRefreshTokenIsInvalidGrant() {
    String refresh = client.obtainTokens(registered).get("refresh_token").asText();
    assertThat(client.postAsClient(AuthUrls.TOKEN_PATH, registered, client.refreshParams(refresh)).statusCode()).isEqualTo(200);

    HttpResponse<String> reuse = client.postAsClient(AuthUrls.TOKEN_PATH, registered, client.refreshParams(refresh));

    assertTokenError(reuse, 400, "invalid_grant");
    assertThat(everything(reuse)).doesNotContain(refresh);
  }

  @Test
  void missingOrWrongResourceIsRefusedAtTheTokenEndpoint() {
    String code = client.authorizeForCode(registered, attempt);
    Map<String, String> params = client.codeExchangeParams(registered, code, attempt);
    params.remove("resource");
    assertTokenError(client.postAsClient(AuthUrls.TOKEN_PATH, registered, params), 400, "invalid_request");
    params.put("resource", "https://api.statsig.com/v1/mcp");
    assertTokenError(client.postAsClient(AuthUrls.TOKEN_PATH, registered, params), 400, "invalid_target");
  }

  @Test
  void missingOrWrongResourceIsRefusedOnRefreshWithoutSpendingTheToken() {
    String refresh = client.obtainTokens(registered).get("refresh_token").asText();
    Map<String, String> params = client.refreshParams(refresh);
    params.remove("resource");
    assertTokenError(client.postAsClient(AuthUrls.TOKEN_PATH, registered, params), 400, "invalid_request");
    params.put("resource", server.base().toString());
    assertTokenError(client.postAsClient(AuthUrls.TOKEN_PATH, registered, params), 400, "invalid_target");

    assertThat(client.postAsClient(AuthUrls.TOKEN_PATH, registered, client.refreshParams(refresh)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownClientAtTheTokenEndpointIsInvalidClient() {
    String code = client.authorizeForCode(registered, attempt);
    OAuthTestClient.Client stranger = new OAuthTestClient.Client("client-unknown", null, "none", OAuthTestClient.REDIRECT);

    HttpResponse<String> response = client.postAsClient(AuthUrls.TOKEN_PATH, stranger,
        client.codeExchangeParams(stranger, code, attempt));

    assertTokenError(response, 401, "invalid_client");
  }

  @Test
  void aCodeIssuedToAnotherClientIsInvalidGrant() {
    String code = client.authorizeForCode(registered, attempt);
    OAuthTestClient.Client other = client.registerPublic();

    assertTokenError(client.postAsClient(AuthUrls.TOKEN_PATH, other, client.codeExchangeParams(other, code, attempt)),
        400, "invalid_grant");
  }

  @Test
  void unsupportedGrantTypeIsRefused() {
    OAuthTestClient.Client confidential = client.register("client_secret_post", OAuthTestClient.REDIRECT);
    HttpResponse<String> response = client.postAsClient(AuthUrls.TOKEN_PATH, confidential,
        Map.of("grant_type", "client_credentials", "resource", server.resource().toString()));

    assertTokenError(response, 400, "unsupported_grant_type");
  }

  @Test
  void malformedRequestsDoNotEchoWhatTheyCarried() {
    String code = client.authorizeForCode(registered, attempt);
    Map<String, String> params = client.codeExchangeParams(registered, code, attempt);
    params.put("code_verifier", "too-short-verifier-secret");
    params.put("client_id", registered.id());
    HttpResponse<String> badVerifier = client.postForm(AuthUrls.TOKEN_PATH, params);
    String basicSecret = "basic-secret-value";
    HttpResponse<String> badBasic = client.postForm(AuthUrls.TOKEN_PATH, client.refreshParams("refresh-secret-value"),
        "Authorization", "Basic " + Base64.getEncoder().encodeToString(("nocolon" + basicSecret).getBytes()));

    assertTokenError(badVerifier, 400, "invalid_request");
    assertThat(everything(badVerifier)).doesNotContain("too-short-verifier-secret", code);
    assertTokenError(badBasic, 400, "invalid_request");
    assertThat(everything(badBasic)).doesNotContain(basicSecret, "refresh-secret-value");
  }

  @Test
  void revocationNeedsAKnownClient() {
    String access = client.obtainTokens(registered).get("access_token").asText();
    OAuthTestClient.Client stranger = new OAuthTestClient.Client("client-unknown", null, "none", OAuthTestClient.REDIRECT);

    HttpResponse<String> response = client.postAsClient(AuthUrls.REVOKE_PATH, stranger, Map.of("token", access));

    assertTokenError(response, 401, "invalid_client");
    assertThat(everything(response)).doesNotContain(access);
    assertThat(client.callMcp(access).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherClientCannotRevokeYourTokens() {
    String access = client.obtainTokens(registered).get("access_token").asText();
    OAuthTestClient.Client other = client.registerPublic();

    assertThat(client.postAsClient(AuthUrls.REVOKE_PATH, other, Map.of("token", access)).statusCode()).isEqualTo(200);

    assertThat(client.callMcp(access).statusCode()).isEqualTo(200);
  }

  // ---- /oauth/register

  @Test
  void registrationRefusesRedirectUrisThatAreNotHttpsOrLoopback() {
    HttpResponse<String> response = client.postJson(AuthUrls.REGISTER_PATH, """
        {"redirect_uris": ["http://bi.example.com/cb"], "token_endpoint_auth_method": "none"}
        """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_redirect_uri");
    assertThat(json(response).get("error_description").asText()).contains("https", "127.0.0.1");
  }

  @Test
  void registrationRefusesUnsupportedAuthMethods() {
    HttpResponse<String> response = client.postJson(AuthUrls.REGISTER_PATH, """
        {"redirect_uris": ["https://bi.example.com/cb"], "token_endpoint_auth_method": "private_key_jwt",
         "jwks": {"keys": []}}
        """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_client_metadata");
  }

  @Test
  void registrationRefusesMissingRedirectUris() {
    HttpResponse<String> response = client.postJson(AuthUrls.REGISTER_PATH, "{\"token_endpoint_auth_method\": \"none\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("invalid_redirect_uri");
  }

  private void assertRedirectedError(HttpResponse<String> response, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    assertThat(OAuthTestClient.location(response).toString()).startsWith(OAuthTestClient.REDIRECT + "?");
    assertThat(redirectQuery(response))
        .containsEntry("error", error)
        .containsEntry("state", attempt.state())
        .containsEntry("iss", server.base().toString())
        .doesNotContainKey("code");
  }

  private static void assertTokenError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response).get("error").asText()).isEqualTo(error);
    assertThat(json(response).get("error_description").asText()).isNotBlank();
  }
}
