package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Carries Nimbus protocol messages over OkHttp, with connect/read/call timeouts on every exchange. Redirects are
 * never followed: OAuth endpoints must answer directly, and the {@code direct} user agent needs the
 * {@code Location} of the authorization endpoint's answer.
 */
public final class HttpTransport {
    private final OkHttpClient client;

    public HttpTransport(OkHttpClient client) {
        this.client = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
    }

    public static HttpTransport withTimeouts(Duration connect, Duration read) {
        return new HttpTransport(new OkHttpClient.Builder()
                .connectTimeout(connect)
                .readTimeout(read)
                .writeTimeout(read)
                .callTimeout(connect.plus(read).plus(read))
                .build());
    }

    public static HttpTransport defaults() {
        return withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * Sends a Nimbus request. {@code what} names the endpoint in error messages ("token endpoint"); the URL in
     * messages is the request's without its query, which may carry parameters.
     */
    public HTTPResponse send(HTTPRequest request, String what) {
        Request.Builder builder = new Request.Builder().url(request.getURI().toString());
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            for (String value : header.getValue()) {
                builder.addHeader(header.getKey(), value);
            }
        }
        String method = request.getMethod().name();
        RequestBody body = null;
        if (request.getBody() != null && !"GET".equals(method)) {
            String contentType = request.getHeaderValue("Content-Type");
            body = RequestBody.create(request.getBody(), contentType == null ? null : MediaType.parse(contentType));
        } else if ("POST".equals(method) || "PUT".equals(method)) {
            body = RequestBody.create(new byte[0]);
        }
        builder.method(method, body);
        return execute(builder.build(), what, request.getURI());
    }

    /** GET with the given Accept header. */
    public HTTPResponse get(URI uri, String accept, String what) {
        return execute(new Request.Builder().url(uri.toString()).header("Accept", accept).get().build(), what, uri);
    }

    /** POST of a JSON body (used to probe an MCP server for its 401 challenge). */
    public HTTPResponse postJson(URI uri, String json, String accept, String what) {
        return execute(new Request.Builder().url(uri.toString()).header("Accept", accept)
                .post(RequestBody.create(json, MediaType.get("application/json"))).build(), what, uri);
    }

    private HTTPResponse execute(Request request, String what, URI uri) {
        try (Response response = client.newCall(request).execute()) {
            HTTPResponse converted = new HTTPResponse(response.code());
            for (String name : response.headers().names()) {
                converted.setHeader(name, response.headers(name).toArray(String[]::new));
            }
            ResponseBody body = response.body();
            String text = body.string();
            if (!text.isEmpty()) {
                converted.setBody(text);
            }
            return converted;
        } catch (IOException e) {
            throw new OAuthException("Cannot reach the " + what + " at " + withoutQuery(uri) + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check the server URL and that the server is running", e);
        }
    }

    static String withoutQuery(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }
}
