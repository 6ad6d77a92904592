package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.guard.BlockedToolException;
import dev.statsigjdbc.adapter.guard.ToolPolicy;
import dev.statsigjdbc.adapter.guard.ToolVerdict;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * V3's discovery lane, per connection: {@code discover_tools list} once (operations by method
 * and path), {@code get} (or {@code resolve} by the operation's summary) for a handle, then
 * {@code api_read} with the handle. The operation list and each handle are kept until the
 * handle expires or the server rejects it; then it is resolved again, once per read. Only
 * operations in the read lane whose handle executes with {@code api_read} are used.
 */
final class DiscoveredReads {

  static final String DISCOVER = "discover_tools";
  static final String READ = "api_read";
  private static final String READ_LANE = "read";
  /** A handle this close to its expiry is resolved again rather than sent. */
  private static final long EXPIRY_MARGIN_MILLIS = 5_000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private record Handle(String operationId, String handle, long expiresAtMillis) {
    boolean fresh() {
      return expiresAtMillis <= 0 || System.currentTimeMillis() + EXPIRY_MARGIN_MILLIS < expiresAtMillis;
    }
  }

  private final ToolPolicy policy;
  private final ToolDescriptor readTool;
  private volatile List<JsonNode> listed;
  private final Map<String, Handle> handles = new ConcurrentHashMap<>();

  /** @param readTool {@code api_read} as the server listed it (the guard judges each operation run through it) */
  DiscoveredReads(ToolPolicy policy, ToolDescriptor readTool) {
    this.policy = policy;
    this.readTool = readTool;
  }

  /** The Console API body of one read through {@code api_read}. */
  JsonNode read(Operation operation, ObjectNode arguments, Wire wire, V3Dialect dialect) {
    Handle handle = handles.get(operation.key());
    boolean resolvedNow = handle == null || !handle.fresh();
    if (resolvedNow) {
      handle = resolve(operation, wire, dialect);
    }
    ToolResult result = wire.call(READ, readArguments(handle.handle(), arguments));
    if (result.isError() && !resolvedNow && rejectedHandle(result)) {
      handle = resolve(operation, wire, dialect);
      result = wire.call(READ, readArguments(handle.handle(), arguments));
    }
    if (result.isError()) {
      if (rejectedHandle(result)) {
        handles.remove(operation.key(), handle);
      }
      throw dialect.error(READ, result);
    }
    return ConsoleAnswers.body(READ, result);
  }

  /** The calls a read will make now: discovery only for what this connection does not know yet. */
  String describe(Operation operation, ObjectNode arguments) {
    String read = READ + readArguments("<handle>", arguments);
    Handle handle = handles.get(operation.key());
    if (handle != null && handle.fresh()) {
      return read;
    }
    List<JsonNode> operations = listed;
    Optional<JsonNode> found = operations == null ? Optional.empty() : matching(operation, operations);
    String lookup = operations != null && found.isEmpty()
        ? DISCOVER + JSON.objectNode().put("action", "resolve").put("query", operation.summary()).put("lane", READ_LANE)
        : DISCOVER + JSON.objectNode().put("action", "get")
            .put("operationId", found.map(op -> op.path("operationId").asText()).orElse("<id of " + operation + ">"));
    return (operations == null ? DISCOVER + JSON.objectNode().put("action", "list") + " -> " : "") + lookup + " -> " + read;
  }

  private static ObjectNode readArguments(String handle, ObjectNode arguments) {
    ObjectNode read = JSON.objectNode().put("operationHandle", handle);
    read.set("arguments", arguments);
    return read;
  }

  /** 401, or a message about the handle: the handle expired or is not accepted; discover again. */
  private static boolean rejectedHandle(ToolResult result) {
    String text = result.text() == null ? "" : result.text().toLowerCase(java.util.Locale.ROOT);
    return V3Dialect.status(result) == 401 || text.contains("handle");
  }

  private Handle resolve(Operation operation, Wire wire, V3Dialect dialect) {
    Optional<JsonNode> found = matching(operation, listed(wire, dialect));
    JsonNode described = found.isPresent()
        ? withHandle(operation, discover(wire, dialect, JSON.objectNode().put("action", "get")
            .put("operationId", found.get().path("operationId").asText())))
        : withHandle(operation, discover(wire, dialect, JSON.objectNode().put("action", "resolve")
            .put("query", operation.summary()).put("lane", READ_LANE)));
    if (described == null) {
      throw new IllegalStateException("The V3 server's discover_tools offers no read of " + operation
          + "; use dialect=v1 with the V1 endpoint to read it");
    }
    String operationId = described.path("operationId").asText();
    String lane = described.path("lane").asText(READ_LANE);
    JsonNode executeWith = described.path("executeWith");
    String tool = executeWith.has("tool") ? executeWith.get("tool").asText() : READ_LANE.equals(lane) ? READ : "api_" + lane;
    // The guard judges the discovered operation too: only the read lane, run through api_read.
    ToolVerdict verdict = policy.judgeDiscovered(readTool, lane, operationId.isEmpty() ? null : operationId,
        described.path("summary").asText(null));
    if (!verdict.exposed()) {
      throw new BlockedToolException(verdict);
    }
    if (!READ.equals(tool)) {
      throw new BlockedToolException("Operation " + operation, "blocked: discovery says to run it with " + tool + ", not " + READ);
    }
    String handle = executeWith.path("operationHandle").asText(described.path("handle").asText(""));
    if (handle.isEmpty()) {
      throw ToolCallException.transientFailure(DISCOVER, 0, "the answer for " + operation + " carries no operation handle", null);
    }
    Handle fresh = new Handle(operationId, handle, described.path("expiresAt").asLong(0));
    handles.put(operation.key(), fresh);
    return fresh;
  }

  private List<JsonNode> listed(Wire wire, V3Dialect dialect) {
    List<JsonNode> operations = listed;
    if (operations == null) {
      operations = operations(discover(wire, dialect, JSON.objectNode().put("action", "list")));
      listed = operations;
    }
    return operations;
  }

  private static JsonNode discover(Wire wire, V3Dialect dialect, ObjectNode arguments) {
    ToolResult result = wire.call(DISCOVER, arguments);
    if (result.isError()) {
      throw dialect.error(DISCOVER, result);
    }
    return ConsoleAnswers.body(DISCOVER, result);
  }

  /** The operation of an answer that is this one (by method and path) and carries a handle. */
  private static JsonNode withHandle(Operation operation, JsonNode answer) {
    return operations(answer).stream()
        .filter(op -> op.has("executeWith") || op.has("handle"))
        .filter(op -> !op.has("path") || sameOperation(operation, op))
        .findFirst().orElse(null);
  }

  private static Optional<JsonNode> matching(Operation operation, List<JsonNode> operations) {
    return operations.stream().filter(op -> sameOperation(operation, op)).findFirst();
  }

  private static boolean sameOperation(Operation operation, JsonNode described) {
    return operation.method().equalsIgnoreCase(described.path("method").asText())
        && operation.pathShape().equals(new Operation("GET", described.path("path").asText(), null).pathShape());
  }

  /** The operations of an answer: {@code operations}, {@code results} or {@code operation}, or the answer itself. */
  private static List<JsonNode> operations(JsonNode answer) {
    List<JsonNode> operations = new ArrayList<>();
    for (String field : List.of("operations", "results", "matches")) {
      answer.path(field).forEach(operations::add);
    }
    if (answer.path("operation").isObject()) {
      operations.add(answer.get("operation"));
    }
    if (operations.isEmpty() && answer.isObject()) {
      operations.add(answer);
    }
    return operations;
  }
}
