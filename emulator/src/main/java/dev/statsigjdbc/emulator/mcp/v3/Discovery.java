package dev.statsigjdbc.emulator.mcp.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.auth.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code discover_tools}: {@code list} names every Console API operation with its lane;
 * {@code get} (by id) and {@code resolve} (by a plain-language query) add how to run it: the lane
 * tool, a signed operation handle, its expiry and the schema of its {@code arguments}.
 */
final class Discovery {
  private static final int RESOLVE_MATCHES = 5;

  private final V3Catalog catalog;
  private final OperationHandles handles;
  private final V3Schemas schemas;
  private final ObjectMapper mapper;

  Discovery(V3Catalog catalog, OperationHandles handles, V3Schemas schemas, ObjectMapper mapper) {
    this.catalog = catalog;
    this.handles = handles;
    this.schemas = schemas;
    this.mapper = mapper;
  }

  /** The categories operations fall into ({@code experiments}, {@code gates}, ...). */
  Set<String> categories() {
    return catalog.operations().stream().map(V3Catalog.Operation::category).collect(Collectors.toCollection(TreeSet::new));
  }

  /** @throws ApiException 400 for a bad request, 404 for an unknown operation id */
  JsonNode answer(String action, JsonNode arguments, Principal caller) {
    List<V3Catalog.Operation> candidates = catalog.operations().stream()
        .filter(op -> matches(arguments, "category", op.category()))
        .filter(op -> matches(arguments, "lane", op.lane().label()))
        .toList();
    return switch (action) {
      case "list" -> answer(candidates, null, caller);
      case "get" -> {
        String id = arguments.path("operationId").asText("");
        V3Catalog.Operation op = operation(id).orElseThrow(() -> new ApiException(404, "unknown operationId '" + id
            + "'; call discover_tools with action list for the ids"));
        yield answer(List.of(op), handles.expiry(), caller);
      }
      case "resolve" -> answer(resolve(candidates, arguments), handles.expiry(), caller);
      default -> throw new ApiException(400, "discover_tools: action must be one of " + V3Schemas.DISCOVERY_ACTIONS
          + ", got '" + action + "'");
    };
  }

  Optional<V3Catalog.Operation> operation(String operationId) {
    return catalog.operations().stream().filter(op -> op.operationId().equals(operationId)).findFirst();
  }

  /** {@code {operations: [...]}}; with an expiry, each operation also says how to execute it. */
  private JsonNode answer(List<V3Catalog.Operation> operations, Instant expiresAt, Principal caller) {
    ObjectNode body = mapper.createObjectNode();
    ArrayNode list = body.putArray("operations");
    for (V3Catalog.Operation op : operations) {
      ObjectNode entry = list.addObject()
          .put("operationId", op.operationId())
          .put("summary", op.definition().summary())
          .put("method", op.definition().method())
          .put("path", op.definition().pathTemplate())
          .put("category", op.category())
          .put("lane", op.lane().label());
      if (expiresAt != null) {
        entry.putObject("executeWith")
            .put("tool", op.lane().tool())
            .put("operationHandle", handles.issue(op.operationId(), op.lane(), caller, expiresAt));
        entry.put("expiresAt", expiresAt.toEpochMilli());
        entry.set("inputSchema", schemas.arguments(op.definition()));
      }
    }
    return body;
  }

  /** The operations sharing the most words with the query (and the verb, when given), best first. */
  private List<V3Catalog.Operation> resolve(List<V3Catalog.Operation> candidates, JsonNode arguments) {
    Set<String> query = words(arguments.path("query").asText(""));
    if (query.isEmpty()) {
      throw new ApiException(400, "discover_tools resolve needs a query: say in plain words what you want to read or do");
    }
    Set<String> verb = words(arguments.path("operationAction").asText(""));
    return candidates.stream()
        .filter(op -> words(op.definition().summary() + " " + op.operationId()).containsAll(verb))
        .map(op -> new Scored(op, score(query, op)))
        .filter(s -> s.score() > 0)
        .sorted(Comparator.comparingInt(Scored::score).reversed())
        .limit(RESOLVE_MATCHES)
        .map(Scored::operation)
        .toList();
  }

  private record Scored(V3Catalog.Operation operation, int score) {}

  private static int score(Set<String> query, V3Catalog.Operation op) {
    Set<String> described = words(op.definition().summary() + " " + op.operationId() + " "
        + op.definition().pathTemplate() + " " + op.category());
    return (int) query.stream().filter(described::contains).count();
  }

  /** Lower-case word stems: camelCase, snake_case and paths split; a plural's trailing s dropped. */
  private static Set<String> words(String text) {
    return Arrays.stream(text.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
        .filter(w -> w.length() > 1)
        .map(w -> w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static boolean matches(JsonNode arguments, String filter, String value) {
    JsonNode wanted = arguments.get(filter);
    return wanted == null || wanted.isNull() || wanted.asText().equals(value);
  }
}
