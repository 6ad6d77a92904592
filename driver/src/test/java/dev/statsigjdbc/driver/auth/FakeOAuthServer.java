package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;

/**
 * An MCP server and its authorization server on one MockWebServer: routes by "METHOD /path", an auto-approving
 * {@code /authorize} that redirects with a code, and a token endpoint that really checks the PKCE verifier.
 * Tests replace single routes or metadata fields to produce edge cases.
 */
final class FakeOAuthServer implements AutoCloseable {
    static final String CODE = "sekrit-code-1";
    static final String ACCESS = "sekrit-access-1";
    static final String REFRESH = "sekrit-refresh-1";

    final MockWebServer server = new MockWebServer();
    final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final JSONObject asMetadata = new JSONObject();
    final JSONObject prm = new JSONObject();
    /** Set by /authorize: what the token endpoint verifies the code_verifier against. */
    volatile String codeChallenge;
    final java.util.concurrent.atomic.AtomicInteger registrations = new java.util.concurrent.atomic.AtomicInteger();
    /** Appended to /authorize's redirect, e.g. to send a wrong state or iss; null sends the right ones. */
    volatile String redirectOverride;
    volatile String tokenJson = "{\"access_token\":\"" + ACCESS + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"" + REFRESH + "\",\"scope\":\"read\"}";

    FakeOAuthServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                Function<RecordedRequest, MockResponse> route = routes.get(request.getMethod() + " " + request.getUrl().encodedPath());
                return route == null ? new MockResponse.Builder().code(404).body("not found").build() : route.apply(request);
            }
        });
        server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        String base = base();
        prm.put("resource", base + "/mcp");
        prm.put("authorization_servers", array(base));
        prm.put("scopes_supported", array("read"));
        asMetadata.put("issuer", base);
        asMetadata.put("authorization_endpoint", base + "/authorize");
        asMetadata.put("token_endpoint", base + "/token");
        asMetadata.put("registration_endpoint", base + "/register");
        asMetadata.put("revocation_endpoint", base + "/revoke");
        asMetadata.put("response_types_supported", array("code"));
        asMetadata.put("code_challenge_methods_supported", array("S256"));
        asMetadata.put("authorization_response_iss_parameter_supported", true);

        routes.put("POST /mcp", r -> new MockResponse.Builder().code(401)
                .addHeader("WWW-Authenticate", "Bearer resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"").build());
        routes.put("GET /.well-known/oauth-protected-resource/mcp", r -> json(200, prm.toJSONString()));
        routes.put("GET /.well-known/oauth-authorization-server", r -> json(200, asMetadata.toJSONString()));
        routes.put("POST /register", this::register);
        routes.put("GET /authorize", this::authorize);
        routes.put("POST /token", this::token);
        routes.put("POST /revoke", r -> new MockResponse.Builder().code(200).build());
    }

    String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static JSONArray array(String... values) {
        JSONArray array = new JSONArray();
        array.addAll(List.of(values));
        return array;
    }

    static Map<String, String> form(RecordedRequest request) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        URLUtils.parseParameters(request.getBody() == null ? "" : request.getBody().utf8()).forEach((k, v) -> form.put(k, v.get(0)));
        return form;
    }

    static Map<String, String> query(RecordedRequest request) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        URLUtils.parseParameters(request.getUrl().encodedQuery()).forEach((k, v) -> query.put(k, v.get(0)));
        return query;
    }

    private MockResponse register(RecordedRequest request) {
        String body = request.getBody().utf8();
        String redirect = body.replaceAll("(?s).*\"redirect_uris\"\\s*:\\s*\\[\\s*\"([^\"]+)\".*", "$1").replace("\\/", "/");
        return json(201, "{\"client_id\":\"dyn-client-" + registrations.incrementAndGet() + "\",\"redirect_uris\":[\"" + redirect + "\"],\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"]}");
    }

    private MockResponse authorize(RecordedRequest request) {
        Map<String, String> q = query(request);
        codeChallenge = q.get("code_challenge");
        String suffix = redirectOverride != null ? redirectOverride
                : "code=" + CODE + "&state=" + enc(q.get("state")) + "&iss=" + enc(asMetadata.getAsString("issuer"));
        return new MockResponse.Builder().code(302).addHeader("Location", q.get("redirect_uri") + "?" + suffix).build();
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = form(request);
        if ("authorization_code".equals(form.get("grant_type"))) {
            String expected = codeChallenge;
            if (form.get("code_verifier") == null) {
                return json(400, "{\"error\":\"invalid_request\"}");
            }
            String actual = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier"))).getValue();
            if (!CODE.equals(form.get("code")) || !actual.equals(expected)) {
                return json(400, "{\"error\":\"invalid_grant\"}");
            }
        }
        return json(200, tokenJson);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
