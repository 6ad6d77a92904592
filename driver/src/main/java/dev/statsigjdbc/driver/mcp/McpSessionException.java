package dev.statsigjdbc.driver.mcp;

/** An MCP session could not do what was asked; the message says why and what to do. */
public final class McpSessionException extends RuntimeException {
  private final Kind kind;
  private final int status;

  /** What went wrong, so callers can map it (e.g. to a SQLState). */
  public enum Kind {
    /** The server could not be reached. */
    UNREACHABLE,
    /** The server did not answer within the timeout. */
    TIMEOUT,
    /**
     * The server answered 429 or 5xx, or the connection broke mid-response: the same request may
     * succeed if sent again.
     */
    TRANSIENT,
    /** The server refused the credentials even after a refresh. */
    UNAUTHORIZED,
    /** The server does not speak MCP as expected (no tools capability, bad responses). */
    PROTOCOL
  }

  public McpSessionException(Kind kind, String message, Throwable cause) {
    this(kind, 0, message, cause);
  }

  /** @param status the HTTP status of a {@link Kind#TRANSIENT} failure, 0 when the connection broke without one */
  public McpSessionException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status of a {@link Kind#TRANSIENT} failure, 0 when there was none. */
  public int status() {
    return status;
  }
}
