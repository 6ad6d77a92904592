package dev.statsigjdbc.emulator.mcp.v3;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.mcp.ToolCalls;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * V3 results: a JSON answer is one text item holding it, or with {@code structuredContent} on,
 * the JSON as structured content and a short sentence (not JSON) as the text. Errors are
 * {@code isError: true} with {@code {"status": n, "message": "..."}}, without V1's
 * {@code API Error (n):} prefix.
 */
final class V3Results {
  private final ToolCalls calls;
  private final ObjectMapper mapper;
  private final boolean structured;

  V3Results(ToolCalls calls, ObjectMapper mapper, boolean structured) {
    this.calls = calls;
    this.mapper = mapper;
    this.structured = structured;
  }

  /** A JSON answer of {@code tool}; {@code what} names it in the sentence ("List Experiments"). */
  CallToolResult json(String tool, String what, JsonNode body) {
    if (!structured) {
      return CallToolResult.builder().addTextContent(calls.text(tool, body)).isError(false).build();
    }
    return CallToolResult.builder()
        .addTextContent(sentence(what, body))
        .structuredContent(mapper.convertValue(body, new TypeReference<LinkedHashMap<String, Object>>() {}))
        .isError(false)
        .build();
  }

  /** A plain-text answer (never JSON, whatever the switch). */
  CallToolResult text(String text) {
    return CallToolResult.builder().addTextContent(text).isError(false).build();
  }

  CallToolResult error(ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", e.status());
    body.put("message", e.getMessage());
    return CallToolResult.builder().addTextContent(mapper.valueToTree(body).toString()).isError(true).build();
  }

  private static String sentence(String what, JsonNode body) {
    JsonNode data = body.path("data");
    if (data.isArray()) {
      return what + ": " + data.size() + " record(s), in structuredContent.";
    }
    return what + ": the answer is in structuredContent.";
  }
}
