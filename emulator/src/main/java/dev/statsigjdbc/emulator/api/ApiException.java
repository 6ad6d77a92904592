package dev.statsigjdbc.emulator.api;

/**
 * A Console API error response: {@code {"status": <status>, "message": <message>}}.
 * The MCP layer turns it into an {@code isError: true} result reading
 * {@code API Error (<status>): {"status":..,"message":..}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
