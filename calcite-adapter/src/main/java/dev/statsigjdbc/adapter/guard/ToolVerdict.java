package dev.statsigjdbc.adapter.guard;

import dev.statsigjdbc.adapter.source.ToolDescriptor;

/** Whether one tool is exposed to SQL, and why. */
public record ToolVerdict(ToolDescriptor tool, boolean exposed, String reason) {

  public String name() {
    return tool.name();
  }
}
