package dev.statsigjdbc.adapter.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The outcome of one tool call: its text content (the text items joined), that text's JSON when
 * it is JSON, the error flag, the structured content when the server sent one, and the other
 * content items (images, resource links), described. Statsig's MCP servers put the Console API
 * body in one text item, or in the structured content.
 */
public record ToolResult(String text, JsonNode json, boolean isError, JsonNode structuredContent, List<ToolContent> otherContent) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ToolResult {
    otherContent = otherContent == null ? List.of() : List.copyOf(otherContent);
  }

  public static ToolResult success(String text) {
    return of(text, false, null, List.of());
  }

  public static ToolResult error(String text) {
    return of(text, true, null, List.of());
  }

  /** A result with everything the server sent; the text is parsed as JSON when it is JSON. */
  public static ToolResult of(String text, boolean isError, JsonNode structuredContent, List<ToolContent> otherContent) {
    return new ToolResult(text, parseOrNull(text), isError, structuredContent, otherContent);
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
