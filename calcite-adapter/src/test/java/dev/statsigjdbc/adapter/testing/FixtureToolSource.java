package dev.statsigjdbc.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * In-memory tool source answering like Statsig's MCP server: one text item holding the Console
 * API envelope ({@code message}, {@code data}, {@code pagination}), errors as {@code isError}
 * text {@code API Error (404): {...}}. Logs every call so tests can count them.
 */
public final class FixtureToolSource implements ToolSource {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public enum NextPageStyle { RELATIVE, HOST_WITHOUT_SCHEME, NULL_WITH_TOTAL, NO_TOTAL }

  public record Call(String tool, JsonNode arguments) {
    public JsonNode param(String name) {
      return arguments.path("params").path(name);
    }
  }

  private final Map<String, ToolDescriptor> tools = new LinkedHashMap<>();
  private final Map<String, Function<JsonNode, ToolResult>> handlers = new LinkedHashMap<>();
  private final List<Call> log = Collections.synchronizedList(new ArrayList<>());

  /** The Statsig V1 read tools over {@code fixtures/statsig-fixtures.json}, plus some write tools. */
  public static FixtureToolSource statsig() {
    JsonNode fx = fixtures();
    FixtureToolSource source = new FixtureToolSource();
    source.list("Get_List_of_Experiments", "experiments", (ArrayNode) fx.get("experiments"), NextPageStyle.RELATIVE)
        .get("Get_Experiment_Details_by_ID", (ArrayNode) fx.get("experiments"))
        .byKey("Get_Experiment_Overall_Results", fx.get("experimentResults"), p -> p.path("path_id").asText() + "/" + p.path("query_test").asText(), "Pulse Results")
        .byKey("Get_Experiment_Cumulative_Exposures", fx.get("cumulativeExposures"), p -> p.path("path_id").asText(), "Cumulative Exposures")
        .list("Get_List_of_Gates", "gates", (ArrayNode) fx.get("gates"), NextPageStyle.RELATIVE)
        .get("Get_Gate_Details_by_ID", (ArrayNode) fx.get("gates"))
        .byKey("Get_Gate_Results", fx.get("gateResults"), p -> p.path("path_id").asText() + "/" + p.path("path_ruleID").asText(), "Pulse Results")
        .list("Get_List_of_Metrics", "metrics/list", (ArrayNode) fx.get("metrics"), NextPageStyle.RELATIVE)
        .get("Get_Metric_Definition_by_ID", (ArrayNode) fx.get("metrics"))
        .byKey("Get_Metric_Value", fx.get("metricValues"), p -> p.path("query_id").asText() + "/" + p.path("query_date").asText(), "Metric read")
        .list("Get_List_of_Dynamic_Configs", "dynamic_configs", (ArrayNode) fx.get("dynamicConfigs"), NextPageStyle.RELATIVE)
        .get("Get_Dynamic_Config_Details_by_ID", (ArrayNode) fx.get("dynamicConfigs"))
        .list("Get_List_of_Layers", "layers", (ArrayNode) fx.get("layers"), NextPageStyle.RELATIVE)
        .get("Get_Layer_Details_by_ID", (ArrayNode) fx.get("layers"))
        .list("Get_List_of_Segments", "segments", (ArrayNode) fx.get("segments"), NextPageStyle.RELATIVE)
        .get("Get_Segment_by_ID", (ArrayNode) fx.get("segments"))
        .list("Get_List_of_Tags", "tags", (ArrayNode) fx.get("tags"), NextPageStyle.RELATIVE)
        .list("Get_Audit_Logs", "audit_logs", (ArrayNode) fx.get("auditLogs"), NextPageStyle.HOST_WITHOUT_SCHEME)
        .list("Get_List_of_Param_Stores", "param_stores", (ArrayNode) fx.get("paramStores"), NextPageStyle.RELATIVE)
        .tool(ToolDescriptor.of("Get_Exposure_Count", "Exposure counts"), params -> exposureCounts(fx.get("exposureCounts"), params));
    for (String write : List.of("Create_Experiment", "Update_Experiment_Entirely", "Update_Gate_Entirely", "Create_autotune",
        "Start_Experiment_Code_Cleanup", "Invoke_Tool", "Delete_Gate")) {
      source.tool(ToolDescriptor.of(write, "Writes"), params -> single("done", JSON.objectNode()));
    }
    return source;
  }

  public static JsonNode fixtures() {
    try (InputStream in = FixtureToolSource.class.getResourceAsStream("/fixtures/statsig-fixtures.json")) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FixtureToolSource tool(ToolDescriptor descriptor, Function<JsonNode, ToolResult> handler) {
    tools.put(descriptor.name(), descriptor);
    handlers.put(descriptor.name(), handler);
    return this;
  }

  public FixtureToolSource without(String name) {
    tools.remove(name);
    handlers.remove(name);
    return this;
  }

  /** A paged list tool over {@code records}, honouring query_page / query_limit like the Console API. */
  public FixtureToolSource list(String name, String resource, ArrayNode records, NextPageStyle style) {
    return tool(ToolDescriptor.of(name, "Lists " + resource),
        params -> page(resource, records, params.path("query_page").asInt(1), params.path("query_limit").asInt(100), style));
  }

  /** A get-by-id tool: {@code path_id} selects a record; unknown ids answer 404. */
  public FixtureToolSource get(String name, ArrayNode records) {
    return tool(ToolDescriptor.of(name, "Reads one by id"), params -> {
      for (JsonNode record : records) {
        if (record.path("id").asText().equals(params.path("path_id").asText())) {
          return single("Read successfully", record);
        }
      }
      return apiError(404, "Not found: " + params.path("path_id").asText());
    });
  }

  /** A tool whose {@code data} is looked up in a fixture object by a key built from the arguments. */
  public FixtureToolSource byKey(String name, JsonNode byKey, Function<JsonNode, String> key, String what) {
    return tool(ToolDescriptor.of(name, "Reads " + what), params -> {
      JsonNode data = byKey.get(key.apply(params));
      return data == null ? apiError(404, what + " not found for " + key.apply(params)) : single("Successfully loaded " + what, data);
    });
  }

  @Override
  public List<ToolDescriptor> tools() {
    return List.copyOf(tools.values());
  }

  @Override
  public ToolResult call(String name, JsonNode arguments) {
    log.add(new Call(name, arguments.deepCopy()));
    Function<JsonNode, ToolResult> handler = handlers.get(name);
    return handler == null ? ToolResult.error("Unknown tool: " + name) : handler.apply(arguments.path("params"));
  }

  public List<Call> calls() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  public List<Call> calls(String tool) {
    return calls().stream().filter(c -> c.tool().equals(tool)).toList();
  }

  public void clearLog() {
    log.clear();
  }

  public static ToolResult single(String message, JsonNode data) {
    ObjectNode body = JSON.objectNode().put("message", message);
    body.set("data", data);
    return ToolResult.success(body.toString());
  }

  public static ToolResult apiError(int status, String message) {
    return ToolResult.error("API Error (" + status + "): " + JSON.objectNode().put("status", status).put("message", message));
  }

  public static ToolResult page(String resource, ArrayNode records, int page, int limit, NextPageStyle style) {
    int from = Math.min(records.size(), (page - 1) * limit);
    int to = Math.min(records.size(), from + limit);
    ArrayNode data = JSON.arrayNode();
    for (int i = from; i < to; i++) {
      data.add(records.get(i));
    }
    boolean more = to < records.size();
    String path = "/console/v1/" + resource;
    ObjectNode pagination = JSON.objectNode().put("itemsPerPage", limit).put("pageNumber", page);
    if (style != NextPageStyle.NO_TOTAL) {
      pagination.put("totalItems", records.size());
    }
    String next = switch (style) {
      case RELATIVE, NO_TOTAL -> more ? path + "?page=" + (page + 1) + "&limit=" + limit : null;
      case HOST_WITHOUT_SCHEME -> more ? "statsigapi.net" + path + "?page=" + (page + 1) + "&limit=" + limit : null;
      case NULL_WITH_TOTAL -> null;
    };
    pagination.put("nextPage", next);
    pagination.put("previousPage", page > 1 ? path + "?page=" + (page - 1) + "&limit=" + limit : null);
    pagination.put("all", path);
    ObjectNode body = JSON.objectNode().put("message", "Listed successfully");
    body.set("data", data);
    body.set("pagination", pagination);
    return ToolResult.success(body.toString());
  }

  private static ToolResult exposureCounts(JsonNode counts, JsonNode params) {
    ObjectNode data = JSON.objectNode();
    for (String[] kind : new String[][] {{"query_gates", "gates"}, {"query_experiments", "experiments"}}) {
      String ids = params.path(kind[0]).asText("");
      if (ids.isEmpty()) {
        continue;
      }
      String[] split = ids.split(",");
      if (split.length > 25) {
        return apiError(400, "at most 25 ids per call");
      }
      ArrayNode rows = data.putArray(kind[1]);
      for (String id : split) {
        JsonNode c = counts.path(kind[1]).path(id);
        if (!c.isMissingNode()) {
          rows.add(JSON.objectNode().put("id", id).put("pastDay", c.get("pastDay").asLong()).put("past7Days", c.get("past7Days").asLong()));
        }
      }
    }
    return single("Exposure count fetched successfully.", data);
  }

  /** A descriptor with annotations, for guard tests. */
  public static ToolDescriptor annotated(String name, Boolean readOnly, Boolean destructive) {
    return new ToolDescriptor(name, "annotated", "{\"type\":\"object\"}", new ToolAnnotations(readOnly, destructive, null, null));
  }
}
