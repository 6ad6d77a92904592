package dev.statsigjdbc.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Gets an access token from an auto-approving emulator the way an MCP client does: DCR, PKCE, code exchange. */
public final class OAuthTokens {
  private static final String REDIRECT = "http://127.0.0.1:7777/callback";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OAuthTokens() {}

  static String accessToken(EmulatorServer server) throws Exception {
    return accessToken(server, server.mcpUrl());
  }

  /** An access token for the protected resource {@code resource} (an MCP endpoint's URL). */
  public static String accessToken(EmulatorServer server, String resource) throws Exception {
    return tokenResponse(server, resource).path("access_token").asText();
  }

  /** The token endpoint's answer to the code exchange for {@code resource}. */
  public static JsonNode tokenResponse(EmulatorServer server, String resource) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String registration = http.send(HttpRequest.newBuilder(URI.create(server.origin() + "/oauth/register"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"client_name":"fault test","redirect_uris":["%s"],"token_endpoint_auth_method":"none",
             "grant_types":["authorization_code","refresh_token"],"response_types":["code"]}""".formatted(REDIRECT)))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    String clientId = MAPPER.readTree(registration).path("client_id").asText();

    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    Map<String, String> authorize = new LinkedHashMap<>();
    authorize.put("response_type", "code");
    authorize.put("client_id", clientId);
    authorize.put("redirect_uri", REDIRECT);
    authorize.put("state", "s1");
    authorize.put("code_challenge", challenge);
    authorize.put("code_challenge_method", "S256");
    authorize.put("resource", resource);
    HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(
        URI.create(server.origin() + "/oauth/authorize?" + form(authorize))).build(), HttpResponse.BodyHandlers.ofString());
    String location = redirect.headers().firstValue("Location").orElseThrow(
        () -> new IllegalStateException("no redirect from /oauth/authorize: " + redirect.statusCode()));
    String code = URI.create(location).getQuery().split("code=")[1].split("&")[0];

    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", URLDecoder.decode(code, StandardCharsets.UTF_8));
    exchange.put("redirect_uri", REDIRECT);
    exchange.put("code_verifier", verifier);
    exchange.put("client_id", clientId);
    exchange.put("resource", resource);
    String tokens = http.send(HttpRequest.newBuilder(URI.create(server.origin() + "/oauth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(exchange)))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    return MAPPER.readTree(tokens);
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
