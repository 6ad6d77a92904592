package dev.statsigjdbc.driver.auth;

/**
 * Signing in to an MCP server failed. The message says what happened and what to do; it never contains a
 * token, code or secret.
 */
public class OAuthException extends RuntimeException {
    public OAuthException(String message) {
        super(message);
    }

    public OAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
