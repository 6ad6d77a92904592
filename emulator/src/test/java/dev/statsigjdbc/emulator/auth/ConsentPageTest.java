package dev.statsigjdbc.emulator.auth;

import static dev.statsigjdbc.emulator.auth.OAuthTestClient.json;
import static dev.statsigjdbc.emulator.auth.OAuthTestClient.redirectQuery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.emulator.EmulatorConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consent page a person sees when auto-approve is off, answered through its own form. */
class ConsentPageTest {
  private static final Pattern CONSENT_ID = Pattern.compile("name=\"consent_id\" value=\"([^\"]+)\"");

  private final MutableClock clock = new MutableClock();
  private AuthTestServer server;
  private OAuthTestClient client;
  private OAuthTestClient.Client registered;

  @BeforeEach
  void start() throws Exception {
    server = new AuthTestServer(EmulatorConfig.defaults().autoApprove(false).clock(clock));
    client = new OAuthTestClient(server);
    registered = client.registerPublic();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void consentPageAsksAndApproveIssuesACode() {
    OAuthTestClient.Attempt attempt = OAuthTestClient.Attempt.fresh();
    HttpResponse<String> page = client.authorize(client.authorizationParams(registered, attempt));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.body())
        .contains("Grant read access?", "Test BI Tool", "<code>read</code>", server.resource().toString())
        .contains("<form method=\"post\" action=\"/oauth/authorize\">")
        .contains("value=\"approve\">Approve</button>", "value=\"deny\">Deny</button>");

    String consentId = consentId(page);
    HttpResponse<String> approved = client.postForm(AuthUrls.AUTHORIZE_PATH,
        Map.of("consent_id", consentId, "decision", "approve"));
    assertThat(approved.statusCode()).isEqualTo(303);
    Map<String, String> redirect = redirectQuery(approved);
    assertThat(redirect).containsEntry("state", attempt.state()).containsEntry("iss", server.base().toString());

    HttpResponse<String> tokens = client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.codeExchangeParams(registered, redirect.get("code"), attempt));
    assertThat(tokens.statusCode()).isEqualTo(200);

    HttpResponse<String> replayed = client.postForm(AuthUrls.AUTHORIZE_PATH,
        Map.of("consent_id", consentId, "decision", "approve"));
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayed.headers().firstValue("Location")).isEmpty();
    assertThat(replayed.body()).contains("expired or was already answered");
  }

  @Test
  void askingForWriteSaysSo() {
    Map<String, String> params = client.authorizationParams(registered, OAuthTestClient.Attempt.fresh());
    params.put("scope", "read write");

    assertThat(client.authorize(params).body()).contains("Grant read and write access?", "<code>read write</code>");
  }

  @Test
  void denyRedirectsWithAccessDenied() {
    OAuthTestClient.Attempt attempt = OAuthTestClient.Attempt.fresh();
    String consentId = consentId(client.authorize(client.authorizationParams(registered, attempt)));

    HttpResponse<String> denied = client.postForm(AuthUrls.AUTHORIZE_PATH,
        Map.of("consent_id", consentId, "decision", "deny"));

    assertThat(denied.statusCode()).isEqualTo(303);
    assertThat(redirectQuery(denied)).containsEntry("error", "access_denied")
        .containsEntry("state", attempt.state()).doesNotContainKey("code");
  }

  @Test
  void aForgedOrStaleConsentIdIsRefusedWithAPage() {
    HttpResponse<String> forged = client.postForm(AuthUrls.AUTHORIZE_PATH,
        Map.of("consent_id", "guessed", "decision", "approve"));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.headers().firstValue("Location")).isEmpty();

    String consentId = consentId(client.authorize(client.authorizationParams(registered, OAuthTestClient.Attempt.fresh())));
    clock.advance(ConsentRequests.TTL);
    HttpResponse<String> stale = client.postForm(AuthUrls.AUTHORIZE_PATH,
        Map.of("consent_id", consentId, "decision", "approve"));
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).contains("Start the sign-in again");
  }

  @Test
  void clientNamesAreEscapedOnThePage() {
    HttpResponse<String> registration = client.postJson(AuthUrls.REGISTER_PATH, """
        {"client_name": "<script>alert(1)</script>", "redirect_uris": ["%s"], "token_endpoint_auth_method": "none"}
        """.formatted(OAuthTestClient.REDIRECT));
    OAuthTestClient.Client hostile = new OAuthTestClient.Client(
        json(registration).get("client_id").asText(), null, "none", OAuthTestClient.REDIRECT);

    String page = client.authorize(client.authorizationParams(hostile, OAuthTestClient.Attempt.fresh())).body();

    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void aCodeExpiresAfterAMinute() {
    OAuthTestClient.Attempt attempt = OAuthTestClient.Attempt.fresh();
    String consentId = consentId(client.authorize(client.authorizationParams(registered, attempt)));
    String code = redirectQuery(client.postForm(AuthUrls.AUTHORIZE_PATH,
        Map.of("consent_id", consentId, "decision", "approve"))).get("code");

    clock.advance(TokenStore.CODE_TTL.plus(Duration.ofSeconds(1)));

    HttpResponse<String> late = client.postAsClient(AuthUrls.TOKEN_PATH, registered,
        client.codeExchangeParams(registered, code, attempt));
    assertThat(json(late).get("error").asText()).isEqualTo("invalid_grant");
  }

  private static String consentId(HttpResponse<String> page) {
    Matcher matcher = CONSENT_ID.matcher(page.body());
    assertThat(matcher.find()).as(page.body()).isTrue();
    return matcher.group(1);
  }
}
