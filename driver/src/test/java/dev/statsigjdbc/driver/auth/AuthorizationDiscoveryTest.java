package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizationDiscoveryTest {
    FakeOAuthServer server;
    AuthorizationDiscovery discovery = new AuthorizationDiscovery(HttpTransport.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));

    @BeforeEach
    void start() throws Exception {
        server = new FakeOAuthServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    List<String> paths() {
        return server.requests.stream().map(RecordedRequest::getUrl).map(u -> u.encodedPath()).toList();
    }

    @Test
    void fetchesResourceMetadataFromTheChallengeAsIs() {
        server.routes.remove("GET /.well-known/oauth-protected-resource/mcp");
        server.routes.put("GET /meta/prm.json", r -> FakeOAuthServer.json(200, server.prm.toJSONString()));
        AuthorizationDiscovery.Result result = discovery.discover(server.uri("/mcp"),
                new BearerChallenge(null, null, server.base() + "/meta/prm.json"));
        assertThat(result.resource()).isEqualTo(server.base() + "/mcp");
        assertThat(result.resourceScopes()).containsExactly("read");
        assertThat(result.metadata().getTokenEndpointURI()).isEqualTo(server.uri("/token"));
        assertThat(paths()).containsExactly("/meta/prm.json", "/.well-known/oauth-authorization-server");
    }

    @Test
    void challengeUrlFailureIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), new BearerChallenge(null, null, server.base() + "/missing")))
                .hasMessageContaining("protected resource metadata at " + server.base() + "/missing answered HTTP 404");
    }

    @Test
    void triesThePathInsertedThenTheRootWellKnown() {
        AuthorizationDiscovery.Result inserted = discovery.discover(server.uri("/mcp"), null);
        assertThat(inserted.resource()).isEqualTo(server.base() + "/mcp");
        assertThat(paths().get(0)).isEqualTo("/.well-known/oauth-protected-resource/mcp");

        server.requests.clear();
        server.routes.put("GET /.well-known/oauth-protected-resource", server.routes.remove("GET /.well-known/oauth-protected-resource/mcp"));
        AuthorizationDiscovery.Result root = discovery.discover(server.uri("/mcp"), null);
        assertThat(root.resource()).isEqualTo(server.base() + "/mcp");
        assertThat(paths()).startsWith("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource");
    }

    @Test
    void fallsBackTo20250326MetadataAtTheServerRoot() {
        server.routes.remove("GET /.well-known/oauth-protected-resource/mcp");
        server.asMetadata.put("token_endpoint", server.base() + "/oauth/token");
        AuthorizationDiscovery.Result result = discovery.discover(server.uri("/v1/mcp"), null);
        assertThat(result.resource()).isNull();
        assertThat(result.metadata().getTokenEndpointURI()).isEqualTo(server.uri("/oauth/token"));
        assertThat(paths()).containsExactly("/.well-known/oauth-protected-resource/v1/mcp", "/.well-known/oauth-protected-resource",
                "/.well-known/oauth-authorization-server");
    }

    @Test
    void a20250326ServerMayNameAnIssuerWithAPathOnItsOwnOriginButNotAnotherOrigin() {
        server.routes.remove("GET /.well-known/oauth-protected-resource/mcp");
        server.asMetadata.put("issuer", server.base() + "/oauth");
        assertThat(discovery.discover(server.uri("/mcp"), null).metadata().getIssuer().getValue()).isEqualTo(server.base() + "/oauth");

        server.asMetadata.put("issuer", "https://other.example/oauth");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null))
                .hasMessageContaining("names the issuer https://other.example/oauth, which is not on the MCP server's origin");
    }

    @Test
    void fallsBackTo20250326DefaultEndpoints() {
        server.routes.remove("GET /.well-known/oauth-protected-resource/mcp");
        server.routes.remove("GET /.well-known/oauth-authorization-server");
        AuthorizationServerMetadata metadata = discovery.discover(server.uri("/mcp"), null).metadata();
        assertThat(metadata.getAuthorizationEndpointURI()).isEqualTo(server.uri("/authorize"));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(server.uri("/token"));
        assertThat(metadata.getRegistrationEndpointURI()).isEqualTo(server.uri("/register"));
        assertThat(metadata.getIssuer().getValue()).isEqualTo(server.base());
    }

    @Test
    void issuerWithAPathUsesRfc8414ThenOidcInsertedThenOidcAppended() {
        String issuer = server.base() + "/tenant";
        server.prm.put("authorization_servers", FakeOAuthServer.array(issuer));
        server.asMetadata.put("issuer", issuer);
        server.routes.remove("GET /.well-known/oauth-authorization-server");
        server.routes.put("GET /tenant/.well-known/openid-configuration", r -> FakeOAuthServer.json(200, server.asMetadata.toJSONString()));

        AuthorizationServerMetadata metadata = discovery.discover(server.uri("/mcp"), null).metadata();
        assertThat(metadata.getIssuer().getValue()).isEqualTo(issuer);
        assertThat(paths()).containsExactly("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-authorization-server/tenant",
                "/.well-known/openid-configuration/tenant", "/tenant/.well-known/openid-configuration");
    }

    @Test
    void issuerWithoutAPathFallsBackToOpenIdConfiguration() {
        server.routes.put("GET /.well-known/openid-configuration", server.routes.remove("GET /.well-known/oauth-authorization-server"));
        discovery.discover(server.uri("/mcp"), null);
        assertThat(paths()).endsWith("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration");
    }

    @Test
    void noMetadataAnywhereIsReported() {
        server.routes.remove("GET /.well-known/oauth-authorization-server");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("publishes no metadata");
    }

    @Test
    void refusesAnAuthorizationServerWithoutS256() {
        server.asMetadata.put("code_challenge_methods_supported", FakeOAuthServer.array("plain"));
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null))
                .hasMessageContaining("does not advertise PKCE S256 (code_challenge_methods_supported is [plain])");
        server.asMetadata.remove("code_challenge_methods_supported");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("code_challenge_methods_supported is absent");
    }

    @Test
    void refusesMetadataNamingAnotherIssuer() {
        server.asMetadata.put("issuer", "https://other.example");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("names the issuer https://other.example");
    }

    @Test
    void serverErrorsAndBadJsonAreReported() {
        server.routes.put("GET /.well-known/oauth-protected-resource/mcp", r -> FakeOAuthServer.json(500, "boom"));
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null))
                .hasMessageContaining("protected resource metadata at " + server.base() + "/.well-known/oauth-protected-resource/mcp answered HTTP 500")
                .hasMessageContaining("try again later");

        server.routes.put("GET /.well-known/oauth-protected-resource/mcp", r -> FakeOAuthServer.json(200, "{\"resource\": "));
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("is not a JSON object");

        server.routes.put("GET /.well-known/oauth-protected-resource/mcp", r -> FakeOAuthServer.json(200, server.prm.toJSONString()));
        server.routes.put("GET /.well-known/oauth-authorization-server", r -> FakeOAuthServer.json(502, ""));
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("authorization server metadata at")
                .hasMessageContaining("HTTP 502");

        server.routes.put("GET /.well-known/oauth-authorization-server", r -> FakeOAuthServer.json(200, "[1,2]"));
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("is not a JSON object");
    }

    @Test
    void missingFieldsAreReported() {
        server.prm.remove("authorization_servers");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("names no \"authorization_servers\"");
        server.prm.put("authorization_servers", FakeOAuthServer.array(server.base()));
        server.prm.remove("resource");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("has no \"resource\"");
        server.prm.put("resource", server.base() + "/mcp");
        server.asMetadata.remove("token_endpoint");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("lacks an authorization_endpoint or token_endpoint");
        server.asMetadata.remove("issuer");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("is malformed");
    }

    @Test
    void resourceMustDescribeThisServerButATrailingSlashIsKeptVerbatim() {
        server.prm.put("resource", server.base() + "/mcp/");
        assertThat(discovery.discover(server.uri("/mcp"), null).resource()).isEqualTo(server.base() + "/mcp/");

        server.prm.put("resource", server.base() + "/mcp");
        server.routes.put("GET /.well-known/oauth-protected-resource/mcp/", server.routes.get("GET /.well-known/oauth-protected-resource/mcp"));
        assertThat(discovery.discover(server.uri("/mcp/"), null).resource()).isEqualTo(server.base() + "/mcp");

        server.prm.put("resource", server.base() + "/other");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null))
                .hasMessageContaining("describes the resource " + server.base() + "/other, not the MCP server");
        server.prm.put("resource", server.base() + "/mc");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("refusing to send credentials");
        server.prm.put("resource", "http://127.0.0.2:" + server.server.getPort() + "/mcp");
        assertThatThrownBy(() -> discovery.discover(server.uri("/mcp"), null)).hasMessageContaining("refusing to send credentials");
    }
}
