package dev.statsigjdbc.driver.mcp;

/** An MCP session could not do what was asked; the message says why and what to do. */
public final class McpSessionException extends RuntimeException {
  private final Kind kind;

  /** What went wrong, so callers can map it (e.g. to a SQLState). */
  public enum Kind {
    /** The server could not be reached or did not answer in time. */
    UNREACHABLE,
    /** The server refused the credentials even after a refresh. */
    UNAUTHORIZED,
    /** The server does not speak MCP as expected (no tools capability, bad responses). */
    PROTOCOL
  }

  public McpSessionException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
