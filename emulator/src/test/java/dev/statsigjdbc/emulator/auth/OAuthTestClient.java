package dev.statsigjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Speaks HTTP to the test server the way an MCP client's OAuth code would, never following redirects. */
final class OAuthTestClient {
  static final String REDIRECT = "http://127.0.0.1:7777/callback";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A client as registration returned it; {@code secret} is null for a public client. */
  record Client(String id, String secret, String authMethod, String redirectUri) {
  }

  /** One authorization attempt's PKCE pair and state. */
  record Attempt(CodeVerifier verifier, String state) {
    static Attempt fresh() {
      return new Attempt(new CodeVerifier(), "state-" + System.nanoTime());
    }

    String challenge() {
      return CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final AuthTestServer server;

  OAuthTestClient(AuthTestServer server) {
    this.server = server;
  }

  HttpResponse<String> send(String method, String pathOrUrl, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(pathOrUrl)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String pathOrUrl, String... headers) {
    return send("GET", pathOrUrl, headers);
  }

  HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Client register(String authMethod, String redirectUri) {
    HttpResponse<String> response = postJson(AuthUrls.REGISTER_PATH, """
        {"client_name": "Test BI Tool", "redirect_uris": ["%s"], "token_endpoint_auth_method": "%s",
         "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"]}
        """.formatted(redirectUri, authMethod));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json(response);
    return new Client(body.get("client_id").asText(), body.has("client_secret") ? body.get("client_secret").asText() : null,
        body.get("token_endpoint_auth_method").asText(), redirectUri);
  }

  Client registerPublic() {
    return register("none", REDIRECT);
  }

  /** The authorization request parameters a well-behaved client sends; tests change or drop some. */
  Map<String, String> authorizationParams(Client client, Attempt attempt) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", client.id());
    params.put("redirect_uri", client.redirectUri());
    params.put("state", attempt.state());
    params.put("code_challenge", attempt.challenge());
    params.put("code_challenge_method", "S256");
    params.put("resource", server.resource().toString());
    return params;
  }

  HttpResponse<String> authorize(Map<String, String> params) {
    return get(AuthUrls.AUTHORIZE_PATH + "?" + encode(params));
  }

  /** Authorizes (the server must auto-approve) and returns the code from the redirect. */
  String authorizeForCode(Client client, Attempt attempt) {
    HttpResponse<String> response = authorize(authorizationParams(client, attempt));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    Map<String, String> query = redirectQuery(response);
    assertThat(query).containsEntry("state", attempt.state()).containsKey("code");
    return query.get("code");
  }

  /** The token request parameters for a code; the client's credentials are added per its method. */
  Map<String, String> codeExchangeParams(Client client, String code, Attempt attempt) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "authorization_code");
    params.put("code", code);
    params.put("redirect_uri", client.redirectUri());
    params.put("code_verifier", attempt.verifier().getValue());
    params.put("resource", server.resource().toString());
    return params;
  }

  Map<String, String> refreshParams(String refreshToken) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "refresh_token");
    params.put("refresh_token", refreshToken);
    params.put("resource", server.resource().toString());
    return params;
  }

  /** POSTs to a token-endpoint-like path, authenticating as the client registered. */
  HttpResponse<String> postAsClient(String path, Client client, Map<String, String> params) {
    Map<String, String> form = new LinkedHashMap<>(params);
    switch (client.authMethod()) {
      case "client_secret_basic" -> {
        String credentials = URLEncoder.encode(client.id(), StandardCharsets.UTF_8) + ":"
            + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8);
        return postForm(path, form, "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
      }
      case "client_secret_post" -> {
        form.put("client_id", client.id());
        form.put("client_secret", client.secret());
      }
      default -> form.put("client_id", client.id());
    }
    return postForm(path, form);
  }

  /** The whole flow with auto-approve: the token response as JSON. */
  JsonNode obtainTokens(Client client) {
    Attempt attempt = Attempt.fresh();
    String code = authorizeForCode(client, attempt);
    HttpResponse<String> response = postAsClient(AuthUrls.TOKEN_PATH, client, codeExchangeParams(client, code, attempt));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  HttpResponse<String> callMcp(String accessToken) {
    return send("POST", AuthModule.MCP_PATH, "Authorization", "Bearer " + accessToken);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> redirectQuery(HttpResponse<String> response) {
    return decodeQuery(location(response).getRawQuery());
  }

  static URI location(HttpResponse<String> response) {
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  static Map<String, String> decodeQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return query;
  }

  /** Every part of a response a secret could leak through. */
  static String everything(HttpResponse<String> response) {
    return response.headers().map() + "\n" + response.body();
  }

  private URI url(String pathOrUrl) {
    return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(server.base() + pathOrUrl);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
