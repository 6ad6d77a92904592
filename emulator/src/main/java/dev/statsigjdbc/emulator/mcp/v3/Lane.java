package dev.statsigjdbc.emulator.mcp.v3;

import dev.statsigjdbc.emulator.mcp.ToolDefinition;
import java.util.Locale;

/** A discovery lane: which {@code api_*} tool runs an operation's handle. */
enum Lane {
  READ("api_read"),
  WRITE("api_write"),
  DESTRUCTIVE("api_destructive");

  private final String tool;

  Lane(String tool) {
    this.tool = tool;
  }

  /** Reads (GET) run on {@code api_read}; deletes and writes the V1 tool marks destructive on {@code api_destructive}. */
  static Lane of(ToolDefinition operation) {
    if (!operation.write()) {
      return READ;
    }
    boolean destructive = "DELETE".equals(operation.method())
        || (operation.annotations() != null && Boolean.TRUE.equals(operation.annotations().destructiveHint()));
    return destructive ? DESTRUCTIVE : WRITE;
  }

  /** The tool that executes this lane's handles. */
  String tool() {
    return tool;
  }

  /** {@code read}, {@code write}, {@code destructive}: the lane as {@code discover_tools} writes it. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
