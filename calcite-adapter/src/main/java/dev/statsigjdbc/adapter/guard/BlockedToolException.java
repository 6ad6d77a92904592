package dev.statsigjdbc.adapter.guard;

/** Thrown when anything asks for a tool the read-only policy did not expose. */
public final class BlockedToolException extends RuntimeException {

  public BlockedToolException(String toolName, String reason) {
    super("Tool '" + toolName + "' is not callable through SQL (" + reason
        + "). This driver is read-only; if the tool only reads, add it to the allow-list.");
  }
}
