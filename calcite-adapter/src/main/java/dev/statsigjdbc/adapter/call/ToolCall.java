package dev.statsigjdbc.adapter.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.source.ToolResult;

/** One call of one tool with its arguments, as sent on the wire. */
public record ToolCall(String tool, JsonNode arguments) implements CallRequest<ToolResult> {

  public ToolCall {
    arguments = arguments.deepCopy();
  }

  @Override
  public String label() {
    return tool;
  }
}
