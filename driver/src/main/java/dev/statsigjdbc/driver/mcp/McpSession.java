package dev.statsigjdbc.driver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.driver.auth.OAuthException;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientTransportAuthorizationErrorHandler;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportException;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP session with a server over Streamable HTTP, on the MCP Java SDK's sync client.
 *
 * <p>What the SDK leaves to us: credentials applied per request, a silent refresh and replay on
 * 401, one retry of a call whose session the server forgot (404), the tools capability check,
 * and errors that say what to do.
 */
public final class McpSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How the SDK reports a non-2xx answer it does not handle itself (it keeps neither status nor headers). */
  private static final Pattern UNEXPECTED_STATUS = Pattern.compile("unexpected status code: (\\d{3})");
  private static final int CONNECT_ATTEMPTS = 3;
  /** Replays of a call whose session the server forgot: several calls in flight (fan-out) race the one re-initialization. */
  private static final int SESSION_REPLAYS = 4;
  private static final Duration SESSION_REPLAY_BACKOFF = Duration.ofMillis(20);
  /** What the SDK's client session says to requests in flight when it closes the session the server forgot. */
  private static final String SESSION_TERMINATED = "session with server terminated";
  private static final Duration CONNECT_BACKOFF = Duration.ofMillis(200);

  private final McpServerAddress address;
  private final RequestCredentials credentials;
  private final McpSyncClient client;
  private final Duration timeout;

  private McpSession(McpServerAddress address, RequestCredentials credentials, McpSyncClient client, Duration timeout) {
    this.address = address;
    this.credentials = credentials;
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * Connects and initializes a session. A 429, 5xx or broken connection during the handshake is
   * retried on a fresh client (nothing was read yet, so a retry is safe).
   *
   * @param timeout bound on connecting, initializing and on each request
   */
  public static McpSession open(McpServerAddress address, RequestCredentials credentials, Duration timeout) {
    for (int attempt = 1; ; attempt++) {
      try {
        return openOnce(address, credentials, timeout);
      } catch (McpSessionException e) {
        if (e.kind() != McpSessionException.Kind.TRANSIENT || attempt >= CONNECT_ATTEMPTS) {
          throw e;
        }
        LOG.debug("Connecting to {} failed ({}); attempt {} of {}", address, e.status(), attempt + 1, CONNECT_ATTEMPTS);
        LockSupport.parkNanos(CONNECT_BACKOFF.toNanos() << (attempt - 1));
      }
    }
  }

  private static McpSession openOnce(McpServerAddress address, RequestCredentials credentials, Duration timeout) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(address.origin())
        .endpoint(address.endpoint())
        .connectTimeout(timeout)
        // Explicit mapper: ServiceLoader lookups fail in the class loaders BI tools give drivers.
        .jsonMapper(new JacksonMcpJsonMapper(JSON))
        .addHttpRequestCustomizer((request, method, uri, body, context) -> credentials.apply(request))
        .authorizationErrorHandler(McpHttpClientTransportAuthorizationErrorHandler.fromSync(
            (request, response, context) -> credentials.refreshAfterRejection(
                response.statusCode(), response.headers().firstValue("WWW-Authenticate").orElse(null))))
        .build();
    McpSyncClient client = McpClient.sync(transport)
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(JSON))
        .requestTimeout(timeout)
        .initializationTimeout(timeout)
        .clientInfo(McpSchema.Implementation.builder("statsig-jdbc", version()).build())
        .build();
    McpSession session = new McpSession(address, credentials, client, timeout);
    try {
      session.run("connect", client::initialize);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return session;
  }

  /** Every tool the server publishes (all pages of {@code tools/list}). */
  public List<McpSchema.Tool> tools() {
    if (client.getServerCapabilities() == null || client.getServerCapabilities().tools() == null) {
      throw new McpSessionException(McpSessionException.Kind.PROTOCOL,
          "The MCP server at " + address + " offers no tools (its initialize response lacks the tools capability);"
              + " check that the URL points at Statsig's MCP endpoint, e.g. " + McpServerAddress.STATSIG_DEFAULT,
          null);
    }
    return run("list tools", () -> client.listTools().tools());
  }

  /** Calls one tool; a call whose session the server no longer knows is retried once on a new session. */
  public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder(tool).arguments(arguments).build();
    return run("call " + tool, () -> {
      for (int replays = 0; ; replays++) {
        McpSchema.InitializeResult sessionBefore = client.getCurrentInitializationResult();
        try {
          return client.callTool(request);
        } catch (RuntimeException e) {
          // On a 404 for its session id the SDK starts a new session in the background but fails the call in
          // flight (without saying why in the exception); a replay can also race that re-initialization and
          // find the old session closed. Replay only then, a few times, backing off.
          boolean sessionReplaced = client.getCurrentInitializationResult() != sessionBefore
              || causedBy(e, McpTransportSessionNotFoundException.class) != null
              || String.valueOf(rootMessage(e)).contains(SESSION_TERMINATED);
          if (!sessionReplaced || replays >= SESSION_REPLAYS) {
            throw e;
          }
          LOG.debug("MCP session replaced during {}; replaying the call", tool);
          // Give the SDK's background re-initialization time to finish before the next attempt.
          LockSupport.parkNanos(SESSION_REPLAY_BACKOFF.toNanos() << replays);
        }
      }
    });
  }

  public McpServerAddress address() {
    return address;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "McpSession[" + address + ", " + credentials.kind() + "]";
  }

  private <T> T run(String what, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (McpSessionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(what, e);
    }
  }

  private McpSessionException translate(String what, RuntimeException e) {
    OAuthException signIn = causedBy(e, OAuthException.class);
    if (signIn != null && causedBy(signIn, IOException.class) != null) {
      return new McpSessionException(McpSessionException.Kind.UNREACHABLE,
          "Cannot reach the authorization server to refresh the OAuth sign-in (" + what + "): " + signIn.getMessage(), signIn);
    }
    if (signIn != null) {
      // Refreshing or signing in again failed while the server was refusing a token: its message says what to do.
      return new McpSessionException(McpSessionException.Kind.UNAUTHORIZED,
          "The MCP server at " + address + " refused the " + credentials.kind() + " on " + what + ": " + signIn.getMessage(), signIn);
    }
    McpHttpClientTransportAuthorizationException denied = causedBy(e, McpHttpClientTransportAuthorizationException.class);
    if (denied != null) {
      int status = denied.getResponseInfo().statusCode();
      return new McpSessionException(McpSessionException.Kind.UNAUTHORIZED,
          "The MCP server at " + address + " refused the " + credentials.kind() + " (HTTP " + status + ") on " + what
              + ": " + (credentials.kind().equals("API key")
                  ? "check that the Console API key is valid and has access to this project"
                  : "sign in again with `statsig-sql sources add <name>`"),
          null);
    }
    if (causedBy(e, ConnectException.class) != null) {
      return new McpSessionException(McpSessionException.Kind.UNREACHABLE,
          "Cannot reach the MCP server at " + address + " (" + what + "): connection refused;"
              + " check the URL and that the server is running",
          e);
    }
    if (causedBy(e, HttpTimeoutException.class) != null || causedBy(e, TimeoutException.class) != null) {
      return new McpSessionException(McpSessionException.Kind.TIMEOUT,
          "The MCP server at " + address + " did not answer within " + timeout.toSeconds() + " s (" + what
              + "); try again later, or raise the timeoutSeconds connection property",
          e);
    }
    McpTransportException transport = causedBy(e, McpTransportException.class);
    Matcher status = UNEXPECTED_STATUS.matcher(transport == null ? "" : String.valueOf(transport.getMessage()));
    if (status.find()) {
      int code = Integer.parseInt(status.group(1));
      if (code == 429 || code >= 500) {
        return new McpSessionException(McpSessionException.Kind.TRANSIENT, code,
            "The MCP server at " + address + " answered HTTP " + code + " (" + what + "): "
                + (code == 429 ? "Statsig's rate limit was hit" : "a server error") + "; try again in a moment",
            e);
      }
    }
    if (causedBy(e, IOException.class) != null) {
      return new McpSessionException(McpSessionException.Kind.TRANSIENT, 0,
          "The connection to the MCP server at " + address + " broke mid-response (" + what + ": "
              + rootMessage(e) + "); try again",
          e);
    }
    return new McpSessionException(McpSessionException.Kind.PROTOCOL,
        "MCP " + what + " failed at " + address + ": " + rootMessage(e), e);
  }

  private static <T extends Throwable> T causedBy(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String version() {
    String version = McpSession.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
