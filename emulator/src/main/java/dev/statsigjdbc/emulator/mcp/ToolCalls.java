package dev.statsigjdbc.emulator.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import dev.statsigjdbc.emulator.auth.Principal;
import dev.statsigjdbc.emulator.faults.DamagedResults;
import dev.statsigjdbc.emulator.faults.Faults;
import java.io.UncheckedIOException;

/**
 * Runs a tool's Console API operation for a caller, the part V1 and V3 tools share: the write
 * permission check, the call, and the tool-level faults armed for the published tool's results.
 */
public final class ToolCalls {
  private final ConsoleApi api;
  private final Faults faults;
  private final ObjectMapper mapper;

  public ToolCalls(ConsoleApi api, Faults faults, ObjectMapper mapper) {
    this.api = api;
    this.faults = faults;
    this.mapper = mapper;
  }

  /**
   * The Console API body of {@code operation} called with {@code params}, with the missing-field and
   * invalid-UTF-8 faults armed for {@code publishedTool} applied.
   *
   * @throws ApiException 403 when the operation writes and the caller may not; the API's own errors
   */
  public JsonNode run(String publishedTool, ToolDefinition operation, JsonNode params, Principal caller) {
    requireMayRun(operation, caller);
    JsonNode body = api.call(ToolRequest.toApiCall(operation, params));
    String missingField = faults.takeMissingField(publishedTool);
    if (missingField != null) {
      body = DamagedResults.withoutField(body, missingField);
    }
    if (faults.takeInvalidUtf8(publishedTool)) {
      body = DamagedResults.withInvalidUtf8(body);
    }
    return body;
  }

  /** @throws ApiException 403 "Forbidden resource" when the operation writes and the caller may not */
  public static void requireMayRun(ToolDefinition operation, Principal caller) {
    if (operation.write() && (caller == null || !caller.canWrite())) {
      throw new ApiException(403, "Forbidden resource");
    }
  }

  /** The body as a result's JSON text, cut in half when a malformed result is armed for {@code publishedTool}. */
  public String text(String publishedTool, JsonNode body) {
    String text;
    try {
      text = mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the result of " + publishedTool, e);
    }
    return faults.takeMalformedJson(publishedTool) ? text.substring(0, text.length() / 2) : text;
  }
}
