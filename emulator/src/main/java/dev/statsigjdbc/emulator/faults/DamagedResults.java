package dev.statsigjdbc.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** The tool-result damage {@link Faults} asks for: missing fields, and text that will not be UTF-8 on the wire. */
public final class DamagedResults {
  /**
   * Private-use characters the tool handler puts into a result; {@link FaultFilter} turns their
   * UTF-8 bytes into bytes that are not UTF-8 on the way out (JSON text cannot hold such bytes).
   */
  static final String INVALID_UTF8_MARKER = "\uE000\uE001";
  static final byte[] MARKER_BYTES = INVALID_UTF8_MARKER.getBytes(StandardCharsets.UTF_8);
  /** Never valid in UTF-8; as many as the marker has, so lengths stay the same. */
  static final byte[] INVALID_BYTES = {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD, (byte) 0xFF, (byte) 0xFE, (byte) 0xFD};

  private DamagedResults() {}

  /** A copy of {@code body} without {@code field}: its own member if it has one, else that field of each record in {@code data}. */
  public static JsonNode withoutField(JsonNode body, String field) {
    JsonNode copy = body.deepCopy();
    if (copy instanceof ObjectNode object && object.has(field)) {
      object.remove(field);
      return copy;
    }
    JsonNode data = copy.path("data");
    if (data.isObject()) {
      ((ObjectNode) data).remove(field);
    }
    data.forEach(record -> {
      if (record instanceof ObjectNode r) {
        r.remove(field);
      }
    });
    return copy;
  }

  /** A copy of {@code body} whose first record's first text field ends in the invalid-UTF-8 marker. */
  public static JsonNode withInvalidUtf8(JsonNode body) {
    JsonNode copy = body.deepCopy();
    JsonNode data = copy.path("data");
    JsonNode record = data.isArray() ? data.path(0) : data;
    if (record instanceof ObjectNode r) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = r.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isTextual()) {
          r.put(f.getKey(), f.getValue().asText() + INVALID_UTF8_MARKER);
          break;
        }
      }
    }
    return copy;
  }
}
