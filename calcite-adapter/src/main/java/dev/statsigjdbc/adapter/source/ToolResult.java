package dev.statsigjdbc.adapter.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outcome of one tool call: the text content, its JSON when the text is JSON, and the error
 * flag. Statsig's MCP server puts the Console API body in one text item.
 */
public record ToolResult(String text, JsonNode json, boolean isError) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static ToolResult success(String text) {
    return new ToolResult(text, parseOrNull(text), false);
  }

  public static ToolResult error(String text) {
    return new ToolResult(text, parseOrNull(text), true);
  }

  /** The error text, or null when the call succeeded. */
  public String errorText() {
    return isError ? text : null;
  }

  private static JsonNode parseOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }
}
