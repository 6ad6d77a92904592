package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.source.ToolResult;

/** The rest of the call chain below a dialect: sends one tool call (rate-limited, guarded). */
@FunctionalInterface
public interface Wire {

  ToolResult call(String tool, JsonNode arguments);
}
