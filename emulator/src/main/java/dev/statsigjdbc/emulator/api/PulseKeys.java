package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Json;
import java.util.Map;

/**
 * Renames pulse result keys to the snake_case of the spec's example ({@code percent_change},
 * {@code p_value}, {@code test_units}); like the example, {@code metricID} stays and
 * {@code absoluteChange} is called {@code value}.
 */
final class PulseKeys {
  private static final Map<String, String> EXCEPTIONS = Map.of("metricID", "metricID", "absoluteChange", "value");

  private PulseKeys() {}

  /** Renames the keys of metric results (objects inside arrays). */
  static JsonNode snakeCase(JsonNode node) {
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(item -> out.add(snakeCase(item)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = Json.object();
    node.fields().forEachRemaining(f -> out.set(snake(f.getKey()), snakeCase(f.getValue())));
    return out;
  }

  /** Keys of the metric lists (primaryMetrics ...) stay as they are; only metric fields are renamed. */
  static ObjectNode snakeCaseResults(ObjectNode results) {
    ObjectNode out = Json.object();
    results.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue().isArray() ? snakeCase(f.getValue()) : f.getValue()));
    return out;
  }

  static String snake(String key) {
    String fixed = EXCEPTIONS.get(key);
    if (fixed != null) {
      return fixed;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
        b.append('_');
      }
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }
}
