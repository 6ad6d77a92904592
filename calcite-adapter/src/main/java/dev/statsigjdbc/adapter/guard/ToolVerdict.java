package dev.statsigjdbc.adapter.guard;

import dev.statsigjdbc.adapter.source.ToolDescriptor;

/**
 * Whether one tool, or one action of a grouped tool, may be called through SQL, and why.
 *
 * @param action null for the verdict on the whole tool
 * @param reason starts with {@code exposed:} or {@code blocked:}
 */
public record ToolVerdict(ToolDescriptor tool, String action, boolean exposed, String reason) {

  static ToolVerdict exposed(ToolDescriptor tool, String action, String why) {
    return new ToolVerdict(tool, action, true, "exposed: " + why);
  }

  static ToolVerdict blocked(ToolDescriptor tool, String action, String why) {
    return new ToolVerdict(tool, action, false, "blocked: " + why);
  }

  public String name() {
    return tool.name();
  }

  /** The tool's name, with the action when this verdict is on one ({@code experiment_read action 'list'}). */
  public String subject() {
    return action == null ? "Tool '" + name() + "'" : "Tool '" + name() + "' action '" + action + "'";
  }
}
