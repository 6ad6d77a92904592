package dev.statsigjdbc.driver.auth;

/** What the MCP session asks for on every request: a bearer token, and what to do when the server refuses it. */
public interface TokenProvider {
    /** The access token to send as {@code Authorization: Bearer ...}, refreshed first when it is about to expire. */
    String currentAccessToken();

    /**
     * Called with the {@code WWW-Authenticate} header of a 401 (or a 403 {@code insufficient_scope}); renews the
     * credentials when it can and returns whether the request should be replayed.
     */
    boolean onUnauthorized(String wwwAuthenticate);
}
