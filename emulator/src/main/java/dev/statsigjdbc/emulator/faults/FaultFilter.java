package dev.statsigjdbc.emulator.faults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.ClientAbortException;

/**
 * HTTP-level faults in front of {@code /v1/mcp}: expired sessions (404), the per-project token
 * bucket (429 with Retry-After), added latency, 429 bursts, 5xx, dropped connections and bytes
 * that are not UTF-8 (where the tool handler marked a result for them). Only
 * POSTs (JSON-RPC messages) draw faults, so a client's background GET stream cannot use them up.
 */
public final class FaultFilter extends HttpFilter {
  /** The Streamable HTTP session header. */
  public static final String SESSION_HEADER = "Mcp-Session-Id";

  private final Faults faults;
  private final TokenBucket rateLimit;

  /** @param rateLimit the project's token bucket, or null when rate limiting is off */
  public FaultFilter(Faults faults, TokenBucket rateLimit) {
    this.faults = faults;
    this.rateLimit = rateLimit;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String session = request.getHeader(SESSION_HEADER);
    if (session != null && faults.sessionExpired(session)) {
      respond(response, 404, "Session not found: start a new session with initialize");
      return;
    }
    if ("POST".equals(request.getMethod()) && injectFault(response)) {
      return;
    }
    chain.doFilter(request, faults.invalidUtf8Armed() ? new InvalidUtf8Response(response) : response);
    String issued = response.getHeader(SESSION_HEADER);
    if (issued != null) {
      faults.sessionExpired(issued);
    }
  }

  /** Returns true when a fault answered the request. */
  private boolean injectFault(HttpServletResponse response) throws IOException {
    if (rateLimit != null) {
      long retryAfter = rateLimit.tryTake();
      if (retryAfter > 0) {
        faults.count("rateLimited");
        response.setHeader("Retry-After", Long.toString(retryAfter));
        respond(response, 429, "Too many requests: the project's rate limit is exhausted, retry after "
            + retryAfter + " s");
        return true;
      }
    }
    long latency = faults.latencyToInject();
    if (latency > 0) {
      sleep(latency);
    }
    HttpFault fault = faults.nextHttpFault();
    if (fault instanceof HttpFault.TooManyRequests tooMany) {
      if (tooMany.retryAfterSeconds() != null) {
        response.setHeader("Retry-After", tooMany.retryAfterSeconds().toString());
      }
      respond(response, 429, "Too many requests");
      return true;
    }
    if (fault instanceof HttpFault.ServerError error) {
      respond(response, error.status(), "Internal error (injected fault)");
      return true;
    }
    if (fault instanceof HttpFault.DropConnection) {
      throw dropMidResponse(response);
    }
    return false;
  }

  /** Commits headers and part of a body, then has Tomcat close the socket. */
  private static ClientAbortException dropMidResponse(HttpServletResponse response) throws IOException {
    byte[] part = "{\"jsonrpc\":\"2.0\",\"result\":{\"content\":[".getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setContentLength(part.length * 10);
    response.getOutputStream().write(part);
    response.flushBuffer();
    // Tomcat closes the connection at once when a committed response ends in a client abort.
    return new ClientAbortException("connection dropped by fault injection");
  }

  private static void respond(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message + "\"}");
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while injecting latency", e);
    }
  }
}
