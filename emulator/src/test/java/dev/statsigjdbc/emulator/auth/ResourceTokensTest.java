package dev.statsigjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.faults.OAuthTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /v1/mcp} and {@code /v3/mcp} are protected resources of their own; refresh tokens can be switched off. */
class ResourceTokensTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String INITIALIZE = """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
       "capabilities":{},"clientInfo":{"name":"resource-test","version":"1"}}}""";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTokenWorksOnlyAtTheEndpointItWasIssuedFor() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true))) {
      String v1Token = OAuthTokens.accessToken(server, server.mcpUrl());
      String v3Token = OAuthTokens.accessToken(server, server.v3McpUrl());
      assertThat(initialize(server.mcpUrl(), v1Token).statusCode()).isEqualTo(200);
      assertThat(initialize(server.v3McpUrl(), v3Token).statusCode()).isEqualTo(200);

      HttpResponse<String> v1AtV3 = initialize(server.v3McpUrl(), v1Token);
      assertThat(v1AtV3.statusCode()).isEqualTo(401);
      assertThat(v1AtV3.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("resource_metadata=\"" + server.origin() + "/.well-known/oauth-protected-resource/v3/mcp\"",
              "invalid_token");
      HttpResponse<String> v3AtV1 = initialize(server.mcpUrl(), v3Token);
      assertThat(v3AtV1.statusCode()).isEqualTo(401);
      assertThat(v3AtV1.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("/.well-known/oauth-protected-resource/v1/mcp");

      JsonNode v3Metadata = get(server.origin() + "/.well-known/oauth-protected-resource/v3/mcp");
      assertThat(v3Metadata.path("resource").asText()).isEqualTo(server.v3McpUrl());
      assertThat(v3Metadata.path("authorization_servers").get(0).asText()).isEqualTo(server.origin());
      assertThat(get(server.origin() + "/.well-known/oauth-protected-resource/v1/mcp").path("resource").asText())
          .isEqualTo(server.mcpUrl());
    }
  }

  @Test
  void withoutRefreshTokensTheServerIssuesAndAdvertisesNone() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true)
        .issueRefreshTokens(false))) {
      JsonNode tokens = OAuthTokens.tokenResponse(server, server.v3McpUrl());
      assertThat(tokens.path("access_token").asText()).isNotBlank();
      assertThat(tokens.has("refresh_token")).isFalse();
      assertThat(server.auth().liveRefreshTokens()).isZero();
      assertThat(get(server.oauthMetadataUrl()).path("grant_types_supported")).extracting(JsonNode::asText)
          .containsExactly("authorization_code");
      assertThat(initialize(server.v3McpUrl(), tokens.path("access_token").asText()).statusCode()).isEqualTo(200);
    }
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true))) {
      assertThat(OAuthTokens.tokenResponse(server, server.mcpUrl()).path("refresh_token").asText()).isNotBlank();
      assertThat(get(server.oauthMetadataUrl()).path("grant_types_supported")).extracting(JsonNode::asText)
          .contains("refresh_token");
    }
  }

  private HttpResponse<String> initialize(String url, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String url) throws Exception {
    return MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }
}
