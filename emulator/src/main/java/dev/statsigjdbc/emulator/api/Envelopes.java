package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Json;

/** The Console API's response envelopes. Lists go through {@link Paginator}. */
final class Envelopes {
  private Envelopes() {}

  static ObjectNode message(String message) {
    return Json.object().put("message", message);
  }

  /** SingleDataResponse: {@code {message, data}}. */
  static ObjectNode single(String message, JsonNode data) {
    ObjectNode body = message(message);
    body.set("data", data);
    return body;
  }

  static ApiException notFound(String kind, String id) {
    return new ApiException(404, kind + " '" + id + "' not found.");
  }
}
