package dev.statsigjdbc.driver.mcp;

import java.net.http.HttpRequest;

/**
 * How requests to an MCP server authenticate. Applied to every request (never frozen into the
 * client at build time), so a token refreshed by one call is used by the next.
 */
public interface RequestCredentials {

  /** Adds the authentication header(s) to one outgoing request. */
  void apply(HttpRequest.Builder request);

  /**
   * The server rejected a request with {@code status} (401 or 403) and this
   * {@code WWW-Authenticate} header (null when absent).
   *
   * @return true when fresh credentials were obtained and the request should be replayed once
   */
  boolean refreshAfterRejection(int status, String wwwAuthenticate);

  /** What kind of credentials these are, for messages ("API key", "OAuth"); never a secret. */
  String kind();
}
