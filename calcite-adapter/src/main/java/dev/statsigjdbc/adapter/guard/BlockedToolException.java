package dev.statsigjdbc.adapter.guard;

/** Thrown when anything asks for a tool (or an action) the read-only policy did not expose. */
public final class BlockedToolException extends RuntimeException {

  public BlockedToolException(ToolVerdict verdict) {
    this(verdict.subject(), verdict.reason());
  }

  public BlockedToolException(String subject, String reason) {
    super(subject + " is not callable through SQL (" + reason + "). This driver is read-only; if a tool only"
        + " reads and is blocked by its name alone, add it to the allow-list (allowTools).");
  }
}
