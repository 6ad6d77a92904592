package dev.statsigjdbc.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.api.ApiCall;
import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A small Console API for the MCP layer's tests: a few experiments with list, detail, results and create. */
public final class FakeConsoleApi implements ConsoleApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Map<String, ObjectNode> experiments = new LinkedHashMap<>();
  private final AtomicLong writes = new AtomicLong();

  public FakeConsoleApi(int experimentCount) {
    for (int i = 1; i <= experimentCount; i++) {
      ObjectNode e = MAPPER.createObjectNode().put("id", "exp_" + i).put("name", "exp_" + i).put("status", "active");
      experiments.put("exp_" + i, e);
    }
  }

  @Override
  public Set<String> operations() {
    return Set.of("GET /console/v1/experiments", "GET /console/v1/experiments/{id}",
        "GET /console/v1/experiments/{id}/pulse_results", "POST /console/v1/experiments");
  }

  @Override
  public synchronized JsonNode call(ApiCall call) {
    return switch (call.operation()) {
      case "GET /console/v1/experiments" -> list(call);
      case "GET /console/v1/experiments/{id}" -> single(experiment(call.pathParams().get("id")));
      case "GET /console/v1/experiments/{id}/pulse_results" -> {
        experiment(call.pathParams().get("id"));
        ObjectNode results = MAPPER.createObjectNode();
        results.putArray("primaryMetrics").addObject().put("metricName", "purchases").put("percentChange", 1.5);
        yield single(results);
      }
      case "POST /console/v1/experiments" -> create(call.body());
      default -> throw new ApiException(404, "not modelled: " + call.operation());
    };
  }

  public synchronized List<String> experimentIds() {
    return List.copyOf(experiments.keySet());
  }

  public long writeCount() {
    return writes.get();
  }

  private JsonNode list(ApiCall call) {
    int page = call.queryParams().containsKey("page") ? call.queryParams().get("page").asInt() : 1;
    int limit = call.queryParams().containsKey("limit") ? call.queryParams().get("limit").asInt() : 100;
    List<ObjectNode> all = List.copyOf(experiments.values());
    int from = Math.min(all.size(), (page - 1) * limit);
    int to = Math.min(all.size(), from + limit);
    ObjectNode body = MAPPER.createObjectNode().put("message", "Experiments listed successfully.");
    ArrayNode data = body.putArray("data");
    all.subList(from, to).forEach(data::add);
    body.putObject("pagination").put("itemsPerPage", limit).put("pageNumber", page).put("totalItems", all.size())
        .put("nextPage", to < all.size() ? "/console/v1/experiments?page=" + (page + 1) + "&limit=" + limit : null);
    return body;
  }

  private JsonNode create(JsonNode body) {
    if (body == null || !body.hasNonNull("name")) {
      throw new ApiException(400, "name is required");
    }
    String id = body.get("name").asText();
    ObjectNode e = MAPPER.createObjectNode().put("id", id).put("name", id).put("status", "setup");
    experiments.put(id, e);
    writes.incrementAndGet();
    return single(e);
  }

  private ObjectNode experiment(String id) {
    ObjectNode e = experiments.get(id);
    if (e == null) {
      throw new ApiException(404, "Experiment not found.");
    }
    return e;
  }

  private static JsonNode single(JsonNode data) {
    ObjectNode body = MAPPER.createObjectNode().put("message", "ok");
    body.set("data", data);
    return body;
  }
}
