package dev.statsigjdbc.emulator.mcp.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.api.ApiCall;
import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import dev.statsigjdbc.emulator.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * V3's {@code get_context} (who is calling, in which project), {@code search} (entities whose name
 * or description holds the query's words; JSON) and {@code fetch} (one entity by the id search
 * gave; plain text).
 */
final class ContextTools {
  private static final int PAGE = 100;
  private static final int MAX_RESULTS = 20;

  /** What search finds: a kind of entity, its list path and its detail path. */
  private record Kind(String name, String listPath, String detailPath) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("experiment", "/console/v1/experiments", "/console/v1/experiments/{id}"),
      new Kind("gate", "/console/v1/gates", "/console/v1/gates/{id}"),
      new Kind("dynamic_config", "/console/v1/dynamic_configs", "/console/v1/dynamic_configs/{id}"),
      new Kind("metric", "/console/v1/metrics/list", "/console/v1/metrics/{id}"));

  private final ConsoleApi api;
  private final ObjectMapper mapper;

  ContextTools(ConsoleApi api, ObjectMapper mapper) {
    this.api = api;
    this.mapper = mapper;
  }

  JsonNode context(JsonNode arguments, Principal caller) {
    String scope = arguments.path("scope").asText("session");
    if (!V3Schemas.CONTEXT_SCOPES.contains(scope)) {
      throw new ApiException(400, "get_context: scope must be one of " + V3Schemas.CONTEXT_SCOPES);
    }
    JsonNode company = api.call(get("/console/v1/company", Map.of(), Map.of())).path("data");
    ObjectNode all = mapper.createObjectNode().put("scope", scope);
    all.set("organization", company);
    all.putObject("project").put("name", company.path("name").asText("")).put("id", "emulator-project");
    all.put("environment", "production");
    all.putObject("permissions")
        .put("canRead", true)
        .put("canWrite", caller != null && caller.canWrite())
        .put("authenticatedVia", caller == null ? "none" : caller.via());
    all.putObject("reviewSettings").put("requireReviewForWrites", false);
    ArrayNode products = all.putArray("accessibleProducts");
    List.of("experiments", "gates", "dynamic_configs", "metrics", "audit_logs").forEach(products::add);
    JsonNode fields = arguments.path("fields");
    if (!fields.isArray() || fields.isEmpty()) {
      return all;
    }
    ObjectNode chosen = mapper.createObjectNode().put("scope", scope);
    for (JsonNode field : fields) {
      if (!V3Schemas.CONTEXT_FIELDS.contains(field.asText())) {
        throw new ApiException(400, "get_context: fields may hold only " + V3Schemas.CONTEXT_FIELDS);
      }
      chosen.set(field.asText(), all.get(field.asText()));
    }
    return chosen;
  }

  /** {@code {results: [{id, title, text}]}}, ids as {@code <kind>:<id>}. */
  JsonNode search(JsonNode arguments) {
    List<String> words = List.of(arguments.path("query").asText("").toLowerCase(Locale.ROOT).split("\\W+"))
        .stream().filter(w -> !w.isBlank()).toList();
    if (words.isEmpty()) {
      throw new ApiException(400, "search needs a query: words to look for in names and descriptions");
    }
    ObjectNode body = mapper.createObjectNode();
    ArrayNode results = body.putArray("results");
    for (Kind kind : KINDS) {
      for (JsonNode entity : all(kind)) {
        String haystack = (entity.path("name").asText("") + " " + entity.path("description").asText(""))
            .toLowerCase(Locale.ROOT);
        if (results.size() < MAX_RESULTS && words.stream().allMatch(haystack::contains)) {
          results.addObject()
              .put("id", kind.name() + ":" + entity.path("id").asText())
              .put("title", entity.path("name").asText())
              .put("text", entity.path("description").asText(""));
        }
      }
    }
    return body;
  }

  /** The entity as text: a title line, then its Console API record. */
  String fetch(JsonNode arguments) {
    String id = arguments.path("id").asText("");
    String[] parts = id.split(":", 2);
    Kind kind = KINDS.stream().filter(k -> k.name().equals(parts[0])).findFirst().orElse(null);
    if (kind == null || parts.length != 2 || parts[1].isBlank()) {
      throw new ApiException(404, "fetch: unknown id '" + id + "'; use an id that search returned (kind:id)");
    }
    JsonNode entity = api.call(get(kind.detailPath(), Map.of("id", parts[1]), Map.of())).path("data");
    return kind.name().replace('_', ' ') + " " + entity.path("name").asText(parts[1]) + " (" + id + ")\n"
        + entity.path("description").asText("") + "\n\n" + entity.toPrettyString();
  }

  private List<JsonNode> all(Kind kind) {
    List<JsonNode> records = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode body = api.call(get(kind.listPath(), Map.of(),
          Map.of("page", IntNode.valueOf(page), "limit", IntNode.valueOf(PAGE))));
      body.path("data").forEach(records::add);
      JsonNode next = body.path("pagination").path("nextPage");
      if (body.path("data").isEmpty() || next.isNull() || next.isMissingNode()) {
        return records;
      }
    }
  }

  private static ApiCall get(String path, Map<String, String> pathParams, Map<String, JsonNode> query) {
    return new ApiCall("GET", path, pathParams, query, null);
  }
}
