package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The emulated Statsig Console API: the model behind every MCP tool. Thread-safe. */
public interface ConsoleApi {

  /** Operation keys ({@link ApiCall#operation()}) this emulator models. */
  Set<String> operations();

  /**
   * Runs one operation against the in-memory state.
   *
   * @return the Console API response body: {@code {message, data}} or {@code {message, data, pagination}}
   * @throws ApiException for an error status (400 bad input, 404 unknown entity, ...)
   */
  JsonNode call(ApiCall call);
}
