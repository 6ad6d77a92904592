package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.vault.ClientRegistration;
import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.CredentialVault;
import dev.statsigjdbc.driver.vault.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpOAuthClientTest {
    @TempDir
    Path dir;
    FakeOAuthServer as;
    CredentialVault vault;
    HttpTransport http = HttpTransport.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
    OAuthSettings settings = OAuthSettings.defaults().withCallbackTimeout(Duration.ofSeconds(20));

    java.util.function.Function<mockwebserver3.RecordedRequest, mockwebserver3.MockResponse> authorizeRoute;

    @BeforeEach
    void start() throws Exception {
        as = new FakeOAuthServer();
        authorizeRoute = as.routes.get("GET /authorize");
        vault = CredentialVault.at(dir, null);
    }

    @AfterEach
    void stop() {
        as.close();
    }

    McpOAuthClient client() {
        return new McpOAuthClient(http, vault, settings, UserAgents.direct(http), Clock.systemUTC());
    }

    CredentialSet signIn() {
        McpOAuthClient client = client();
        String challenge = client.probe(as.uri("/mcp")).orElseThrow();
        return client.signIn("demo", as.uri("/mcp"), challenge);
    }

    @Test
    void signsInEndToEndWithTheDirectUserAgent() {
        CredentialSet credentials = signIn();

        assertThat(credentials.accessToken().reveal()).isEqualTo(FakeOAuthServer.ACCESS);
        assertThat(vault.load("demo")).contains(credentials);
        assertThat(credentials.resource()).isEqualTo(as.base() + "/mcp");
        assertThat(credentials.client().clientId()).isEqualTo("dyn-client-1");
        assertThat(credentials.expiresAt()).isNotNull();

        RecordedRequest registration = as.requestsTo("/register").get(0);
        String redirect = credentials.client().redirectUri().toString();
        assertThat(redirect).matches("http://127\\.0\\.0\\.1:\\d+/callback");
        assertThat(registration.getBody().utf8()).contains("\"token_endpoint_auth_method\":\"none\"", "authorization_code", "refresh_token",
                redirect.replace("/", "\\/"));

        Map<String, String> authorize = FakeOAuthServer.query(as.requestsTo("/authorize").get(0));
        assertThat(authorize.keySet()).containsExactlyInAnyOrder("response_type", "client_id", "redirect_uri", "state", "code_challenge",
                "code_challenge_method", "scope", "resource");
        assertThat(authorize).containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", redirect)
                .containsEntry("resource", as.base() + "/mcp").containsEntry("scope", "read");

        Map<String, String> token = FakeOAuthServer.form(as.requestsTo("/token").get(0));
        assertThat(token).containsEntry("grant_type", "authorization_code").containsEntry("resource", as.base() + "/mcp")
                .containsEntry("redirect_uri", redirect).containsEntry("client_id", "dyn-client-1").containsKey("code_verifier");
    }

    @Test
    void reusesTheRegistrationCachedForTheIssuer() {
        signIn();
        signIn();
        assertThat(as.requestsTo("/register")).hasSize(1);
        assertThat(as.requestsTo("/token")).hasSize(2);
        assertThat(vault.loadClient(as.base())).isPresent();
    }

    @Test
    void usesAClientIdMetadataDocumentWhereSupported() {
        as.asMetadata.put("client_id_metadata_document_supported", true);
        settings = settings.withClientMetadataDocument(URI.create("https://statsig-jdbc.example/client.json"));
        CredentialSet credentials = signIn();
        assertThat(credentials.client().clientId()).isEqualTo("https://statsig-jdbc.example/client.json");
        assertThat(as.requestsTo("/register")).isEmpty();
        assertThat(FakeOAuthServer.query(as.requestsTo("/authorize").get(0))).containsEntry("client_id", "https://statsig-jdbc.example/client.json");
    }

    @Test
    void preRegisteredClientSecretBasic() {
        settings = settings.withPreRegisteredClient("pre-1", Secret.of("sekrit-client"), ClientRegistration.CLIENT_SECRET_BASIC);
        signIn();
        RecordedRequest token = as.requestsTo("/token").get(0);
        String basic = "Basic " + Base64.getEncoder().encodeToString("pre-1:sekrit-client".getBytes(StandardCharsets.UTF_8));
        assertThat(token.getHeaders().get("Authorization")).isEqualTo(basic);
        assertThat(FakeOAuthServer.form(token)).doesNotContainKey("client_secret");
        assertThat(as.requestsTo("/register")).isEmpty();
    }

    @Test
    void preRegisteredClientSecretPost() {
        settings = settings.withPreRegisteredClient("pre-1", Secret.of("sekrit-client"), ClientRegistration.CLIENT_SECRET_POST);
        signIn();
        RecordedRequest token = as.requestsTo("/token").get(0);
        assertThat(token.getHeaders().get("Authorization")).isNull();
        assertThat(FakeOAuthServer.form(token)).containsEntry("client_id", "pre-1").containsEntry("client_secret", "sekrit-client");
    }

    @Test
    void acceptsLowerCaseBearer() {
        as.tokenJson = "{\"access_token\":\"" + FakeOAuthServer.ACCESS + "\",\"token_type\":\"bearer\"}";
        CredentialSet credentials = signIn();
        assertThat(credentials.accessToken().reveal()).isEqualTo(FakeOAuthServer.ACCESS);
        assertThat(credentials.refreshToken()).isNull();
        assertThat(credentials.expiresAt()).isNull();
    }

    @Test
    void refusesAStateMismatch() {
        as.redirectOverride = "code=" + FakeOAuthServer.CODE + "&state=forged&iss=" + FakeOAuthServer.enc(as.base());
        assertThatThrownBy(this::signIn).isInstanceOf(OAuthException.class).hasMessageContaining("did not carry the state");
        assertThat(as.requestsTo("/token")).isEmpty();
    }

    @Test
    void refusesAnIssuerMismatchAndAMissingIssuer() {
        as.routes.put("GET /authorize", r -> {
            Map<String, String> q = FakeOAuthServer.query(r);
            return new mockwebserver3.MockResponse.Builder().code(302).addHeader("Location", q.get("redirect_uri") + "?code=" + FakeOAuthServer.CODE
                    + "&state=" + FakeOAuthServer.enc(q.get("state")) + "&iss=" + FakeOAuthServer.enc("https://evil.example")).build();
        });
        assertThatThrownBy(this::signIn).hasMessageContaining("came from the issuer https://evil.example").hasMessageContaining("RFC 9207");

        as.routes.put("GET /authorize", r -> {
            Map<String, String> q = FakeOAuthServer.query(r);
            return new mockwebserver3.MockResponse.Builder().code(302).addHeader("Location", q.get("redirect_uri") + "?code=" + FakeOAuthServer.CODE
                    + "&state=" + FakeOAuthServer.enc(q.get("state"))).build();
        });
        assertThatThrownBy(this::signIn).hasMessageContaining("lacks the 'iss' parameter");
        assertThat(as.requestsTo("/token")).isEmpty();
    }

    @Test
    void reportsAnAuthorizationError() {
        as.routes.put("GET /authorize", r -> {
            Map<String, String> q = FakeOAuthServer.query(r);
            return new mockwebserver3.MockResponse.Builder().code(302).addHeader("Location", q.get("redirect_uri") + "?error=access_denied&state="
                    + FakeOAuthServer.enc(q.get("state")) + "&iss=" + FakeOAuthServer.enc(as.base())).build();
        });
        assertThatThrownBy(this::signIn).hasMessageContaining("Consent was denied").hasMessageContaining("choose Approve");
    }

    @Test
    void directUserAgentExplainsAnInteractiveLoginPage() {
        as.routes.put("GET /authorize", r -> FakeOAuthServer.json(200, "{}"));
        assertThatThrownBy(this::signIn).hasMessageContaining("answered HTTP 200").hasMessageContaining("browser=system or browser=print");
    }

    @Test
    void tokenEndpointErrorsAreClear() {
        as.routes.put("POST /token", r -> FakeOAuthServer.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}"));
        assertThatThrownBy(this::signIn).isInstanceOf(ClientRejectedException.class)
                .hasMessageContaining("token endpoint " + as.base() + "/token does not accept the client (HTTP 401, error invalid_client): unknown client");

        as.routes.put("POST /token", r -> FakeOAuthServer.json(503, "<html>down</html>"));
        assertThatThrownBy(this::signIn).hasMessageContaining("HTTP 503").hasMessageContaining("try again later");

        as.routes.put("POST /token", r -> FakeOAuthServer.json(200, "{not json"));
        assertThatThrownBy(this::signIn).hasMessageContaining("not JSON");

        as.routes.put("POST /token", r -> FakeOAuthServer.json(200, "{\"token_type\":\"Bearer\",\"refresh_token\":\"sekrit-r\"}"));
        assertThatThrownBy(this::signIn).hasMessageContaining("without \"access_token\"").hasMessageNotContaining("sekrit");

        as.routes.put("POST /token", r -> FakeOAuthServer.json(200, "{\"access_token\":\"sekrit-a\",\"token_type\":\"DPoP\"}"));
        assertThatThrownBy(this::signIn).hasMessageContaining("only Bearer").hasMessageNotContaining("sekrit");
    }

    @Test
    void registrationErrorsAreClear() {
        as.routes.put("POST /register", r -> FakeOAuthServer.json(400, "{\"error\":\"invalid_redirect_uri\"}"));
        assertThatThrownBy(this::signIn).hasMessageContaining("refused to register this client (HTTP 400, error invalid_redirect_uri)")
                .hasMessageContaining("set clientId");
        as.routes.put("POST /register", r -> FakeOAuthServer.json(500, "oops"));
        assertThatThrownBy(this::signIn).hasMessageContaining("HTTP 500").hasMessageContaining("try again later");
        as.routes.put("POST /register", r -> FakeOAuthServer.json(201, "{\"client_name\":\"x\"}"));
        assertThatThrownBy(this::signIn).hasMessageContaining("malformed registration");
        as.asMetadata.remove("registration_endpoint");
        assertThatThrownBy(this::signIn).hasMessageContaining("offers no dynamic client registration");
    }

    @Test
    void registersAgainOnceWhenTheServerForgotTheCachedClient() {
        signIn();
        as.routes.put("GET /authorize", r -> "dyn-client-1".equals(FakeOAuthServer.query(r).get("client_id"))
                ? FakeOAuthServer.json(400, "{\"error\":\"invalid_client\"}") : authorizeRoute.apply(r));
        CredentialSet credentials = signIn();
        assertThat(credentials.client().clientId()).isEqualTo("dyn-client-2");
        assertThat(vault.loadClient(as.base()).orElseThrow().clientId()).isEqualTo("dyn-client-2");
        assertThat(as.requestsTo("/register")).hasSize(2);

        as.routes.put("GET /authorize", r -> FakeOAuthServer.json(400, "{\"error\":\"invalid_client\"}"));
        assertThatThrownBy(this::signIn).isInstanceOf(ClientRejectedException.class).hasMessageContaining("refused the request (HTTP 400)");
        assertThat(as.requestsTo("/register")).hasSize(3); // one retry, not a loop
    }

    @Test
    void refreshWithAClientTheServerForgotTellsTheUserToSignInAgain() {
        signIn();
        as.routes.put("POST /token", r -> FakeOAuthServer.json(401, "{\"error\":\"invalid_client\"}"));
        TokenProvider provider = client().tokenProvider("demo", as.uri("/mcp"));
        assertThatThrownBy(() -> provider.onUnauthorized("Bearer error=\"invalid_token\"")).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("does not accept the client").hasMessageContaining("run `statsig-sql sources add demo` again");
    }

    @Test
    void signOutRevokesAndForgets() {
        signIn();
        assertThat(client().signOut("demo")).isTrue();
        assertThat(vault.load("demo")).isEmpty();
        assertThat(as.requestsTo("/revoke")).hasSize(2);
        assertThat(FakeOAuthServer.form(as.requestsTo("/revoke").get(0))).containsEntry("token", FakeOAuthServer.REFRESH)
                .containsEntry("token_type_hint", "refresh_token");
    }

    @Test
    void noTokenCodeOrSecretInLogsOrMessages() {
        settings = settings.withPreRegisteredClient("pre-1", Secret.of("sekrit-client"), ClientRegistration.CLIENT_SECRET_POST);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder messages = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CredentialSet credentials = signIn();
            messages.append(credentials);
            TokenProvider provider = client().tokenProvider("demo", as.uri("/mcp"));
            as.routes.put("POST /token", r -> FakeOAuthServer.json(400, "{\"error\":\"invalid_grant\"}"));
            try {
                provider.onUnauthorized("Bearer error=\"invalid_token\"");
            } catch (OAuthException e) {
                messages.append(e.getMessage());
            }
            as.routes.put("POST /token", r -> FakeOAuthServer.json(400, "{\"error\":\"invalid_client\"}"));
            try {
                signIn();
            } catch (OAuthException e) {
                messages.append(e.getMessage());
            }
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("Signed data source 'demo' in"); // the capture works
        assertThat(messages.toString()).contains("sources add demo");
        assertThat(logs + messages).doesNotContain("sekrit");
    }
}
