package dev.statsigjdbc.driver.auth;

import com.google.common.html.HtmlEscapers;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The redirect target of the authorization code flow: an HTTP listener on 127.0.0.1 (never {@code localhost},
 * whose resolution varies) whose {@code /callback} takes the first redirect and answers the browser with a page
 * that says what happened (signed in, access denied, an error, a response to another request) and what to do.
 */
public final class LoopbackReceiver implements AutoCloseable {
    static final String PATH = "/callback";
    private static final byte[] SIGNED_IN_PAGE = page("Signed in", "You can close this window and return to your application.");
    private static final byte[] DENIED_PAGE = page("Access denied",
            "You denied access, so the application is not signed in. To use it, start the sign-in again from the application and choose Approve.");
    private static final byte[] OTHER_REQUEST_PAGE = page("Sign-in refused",
            "This answer does not belong to the sign-in the application started (it may be stale or forged), so it was refused. "
                    + "Start the sign-in again from the application.");
    private static final byte[] ALREADY_ANSWERED_PAGE = page("Already answered",
            "The application already received an answer to this sign-in. You can close this window.");

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile String expectedState;

    private LoopbackReceiver(HttpServer server) {
        this.server = server;
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** Listens on {@code port} (0: an ephemeral port). */
    public static LoopbackReceiver start(int port) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        return new LoopbackReceiver(HttpServer.create(new InetSocketAddress(loopback, port), 0));
    }

    /** Listens on {@code preferredPort} if it is free, else on an ephemeral port. */
    public static LoopbackReceiver startPreferring(int preferredPort) throws IOException {
        if (preferredPort > 0) {
            try {
                return start(preferredPort);
            } catch (BindException busy) {
                // fall through: the caller sees the different redirect URI and registers again
            }
        }
        return start(0);
    }

    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The {@code state} the coming callback must carry; a callback without it gets the "refused" page. */
    void expectState(String state) {
        expectedState = state;
    }

    /** Compares in constant time, so that a forger learns nothing from how long a wrong state takes. */
    static boolean sameState(String expected, String actual) {
        return expected != null && actual != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** The query parameters of the first callback; an {@link OAuthException} after {@code timeout}. */
    public Map<String, String> await(Duration timeout) {
        try {
            return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OAuthException("No sign-in reached " + redirectUri() + " within " + timeout.toSeconds()
                    + " s; run the command again and finish signing in in the browser, or use browser=print to open the link yourself");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException("Interrupted while waiting for the sign-in to finish in the browser");
        } catch (ExecutionException e) {
            throw new OAuthException("The sign-in callback failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getRawPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> params = new LinkedHashMap<>();
            URLUtils.parseParameters(exchange.getRequestURI().getRawQuery()).forEach((name, values) -> params.put(name, firstOf(values)));
            boolean first = answered.compareAndSet(false, true);
            try {
                byte[] body = first ? pageFor(params) : ALREADY_ANSWERED_PAGE;
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                // Only after the page is sent: the waiting flow closes this server as soon as it has the answer,
                // which would otherwise cut the page off and leave the browser with an empty reply.
                if (first) {
                    callback.complete(params);
                }
            }
        }
    }

    private byte[] pageFor(Map<String, String> params) {
        if (!sameState(expectedState, params.get("state"))) {
            return OTHER_REQUEST_PAGE;
        }
        String error = params.get("error");
        if ("access_denied".equals(error)) {
            return DENIED_PAGE;
        }
        if (error != null) {
            String description = params.get("error_description");
            return page("Sign-in failed", "The authorization server answered <code>" + escape(error) + "</code>"
                    + (description == null ? "" : ": " + escape(description))
                    + ". You can close this window; the application says what to do next.");
        }
        return params.containsKey("code") ? SIGNED_IN_PAGE
                : page("Sign-in failed", "The answer carried no authorization code. Start the sign-in again from the application.");
    }

    private static String escape(String text) {
        return HtmlEscapers.htmlEscaper().escape(text);
    }

    private static String firstOf(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] page(String title, String text) {
        return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>statsig-jdbc: " + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\"><h1>" + title + "</h1><p>" + text + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
