package dev.statsigjdbc.emulator.mcp.v3;

import static dev.statsigjdbc.emulator.mcp.v3.V3Schemas.ACTION;
import static dev.statsigjdbc.emulator.mcp.v3.V3Schemas.ARGUMENTS;
import static dev.statsigjdbc.emulator.mcp.v3.V3Schemas.CONFIRMATION;
import static dev.statsigjdbc.emulator.mcp.v3.V3Schemas.OPERATION_HANDLE;
import static dev.statsigjdbc.emulator.mcp.v3.V3Schemas.PARAMS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import dev.statsigjdbc.emulator.auth.Principal;
import dev.statsigjdbc.emulator.faults.Faults;
import dev.statsigjdbc.emulator.mcp.ToolCallStats;
import dev.statsigjdbc.emulator.mcp.ToolCalls;
import dev.statsigjdbc.emulator.mcp.ToolCatalog;
import dev.statsigjdbc.emulator.mcp.ToolDefinition;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves the V3 tools over the same Console API, faults and call counts as V1: grouped reads
 * ({@code action} + {@code arguments.params}), create and update tools (with a confirmation),
 * {@code discover_tools} with signed handles and the {@code api_*} lanes, and {@code get_context},
 * {@code search}, {@code fetch}.
 */
public final class V3ToolHandler {
  /** How one V3 tool answers; an {@link ApiException} becomes an {@code isError} result. */
  private interface Serve {
    CallToolResult serve(JsonNode arguments, Principal caller);
  }

  private record V3Tool(Tool tool, boolean write, Serve serve) {}

  private final List<V3Tool> tools = new ArrayList<>();
  private final ToolCalls calls;
  private final ToolCallStats stats;
  private final Faults faults;
  private final ObjectMapper mapper;
  private final V3Results results;
  private final OperationHandles handles;
  private final Discovery discovery;

  public V3ToolHandler(EmulatorConfig config, ToolCatalog v1, ConsoleApi api, ToolCallStats stats, Faults faults,
      ObjectMapper mapper) {
    this.calls = new ToolCalls(api, faults, mapper);
    this.stats = stats;
    this.faults = faults;
    this.mapper = mapper;
    this.results = new V3Results(calls, mapper, config.v3StructuredContent());
    this.handles = new OperationHandles(config.clock(), config.v3HandleTtl());
    V3Catalog catalog = V3Catalog.load(mapper, v1);
    V3Schemas schemas = new V3Schemas(mapper);
    this.discovery = new Discovery(catalog, handles, schemas, mapper);
    ContextTools context = new ContextTools(api, mapper);

    add("get_context", "The caller's organization, project, environment and permissions.", schemas.getContext(), false,
        (args, caller) -> {
          stats.record("get_context", false);
          return results.json("get_context", "Context", context.context(args, caller));
        });
    add("search", "Find experiments, gates, dynamic configs and metrics whose name or description holds the words.",
        schemas.oneString("query", "Words to look for"), false, (args, caller) -> {
          stats.record("search", false);
          return results.json("search", "Search results", context.search(args));
        });
    add("fetch", "One entity by an id that search returned, as text.",
        schemas.oneString("id", "An id from search, kind:id"), false, (args, caller) -> {
          stats.record("fetch", false);
          return results.text(context.fetch(args));
        });
    ActionVocabulary vocabulary = new ActionVocabulary(config.v3ActionNames());
    for (V3Catalog.GroupedRead read : catalog.groupedReads(config)) {
      Map<String, V3Catalog.Action> actions = vocabulary.actions(read);
      add(read.name(), read.description(), schemas.groupedRead(actions), false,
          (args, caller) -> groupedRead(read.name(), actions, args, caller));
    }
    for (V3Catalog.WriteTool write : catalog.writes(config)) {
      add(write.name(), write.operation().summary() + ". Changes Statsig: needs a confirmation.",
          write.update() ? schemas.update(write.operation()) : schemas.create(write.operation()), true,
          (args, caller) -> write(write, args, caller));
    }
    add("discover_tools", "Find any Console API operation (list, get by operationId, resolve a plain-language query);"
            + " get and resolve give a handle to run it with the lane tool they name.",
        schemas.discoverTools(discovery.categories()), false, (args, caller) -> {
          String action = args.path(ACTION).asText("");
          stats.record("discover_tools", action, false);
          return results.json("discover_tools", "Operations", discovery.answer(action, args, caller));
        });
    for (Lane lane : Lane.values()) {
      add(lane.tool(), "Run a " + lane.label() + "-lane operation handle from discover_tools"
              + (lane == Lane.READ ? "." : ". Changes Statsig: needs a confirmation."),
          schemas.execute(lane), lane != Lane.READ, (args, caller) -> execute(lane, args, caller));
    }
  }

  /** One SDK tool specification per published tool; {@code withWrites} false leaves out the write tools. */
  public List<SyncToolSpecification> specifications(boolean withWrites) {
    return tools.stream()
        .filter(t -> withWrites || !t.write())
        .map(t -> SyncToolSpecification.builder()
            .tool(t.tool())
            .callHandler((exchange, request) -> call(t, exchange, request))
            .build())
        .toList();
  }

  private void add(String name, String description, Map<String, Object> inputSchema, boolean write, Serve serve) {
    tools.add(new V3Tool(Tool.builder(name, inputSchema).description(description).build(), write, serve));
  }

  private CallToolResult call(V3Tool tool, McpSyncServerExchange exchange, CallToolRequest request) {
    JsonNode arguments = mapper.valueToTree(request.arguments() == null ? Map.of() : request.arguments());
    Principal caller = (Principal) exchange.transportContext().get(Principal.REQUEST_ATTRIBUTE);
    try {
      return tool.serve().serve(arguments, caller);
    } catch (ApiException e) {
      return results.error(e);
    } finally {
      faults.afterToolCall();
    }
  }

  private CallToolResult groupedRead(String tool, Map<String, V3Catalog.Action> actions, JsonNode args,
      Principal caller) {
    String action = args.path(ACTION).asText("");
    V3Catalog.Action chosen = actions.get(action);
    if (chosen == null) {
      stats.record(tool, false);
      throw new ApiException(400, tool + ": action must be one of " + actions.keySet() + ", got '" + action + "'");
    }
    stats.record(tool, action, false);
    JsonNode body = calls.run(tool, chosen.operation(), args.path(ARGUMENTS).get(PARAMS), caller);
    return results.json(tool, chosen.operation().summary(), body);
  }

  private CallToolResult write(V3Catalog.WriteTool write, JsonNode args, Principal caller) {
    stats.record(write.name(), true);
    ToolCalls.requireMayRun(write.operation(), caller);
    requireConfirmation(write.name(), args);
    JsonNode params = write.update() ? args.path(ARGUMENTS).get(PARAMS) : args.get(PARAMS);
    return results.json(write.name(), write.operation().summary(), calls.run(write.name(), write.operation(), params, caller));
  }

  private CallToolResult execute(Lane lane, JsonNode args, Principal caller) {
    OperationHandles.Resolved handle;
    try {
      handle = handles.resolve(args.path(OPERATION_HANDLE).asText(null), caller);
    } catch (ApiException e) {
      stats.record(lane.tool(), lane != Lane.READ);
      throw e;
    }
    stats.record(lane.tool(), handle.operationId(), lane != Lane.READ);
    if (handle.lane() != lane) {
      throw new ApiException(403, lane.tool() + " runs only " + lane.label() + "-lane handles; this one is for "
          + handle.lane().tool());
    }
    ToolDefinition operation = discovery.operation(handle.operationId())
        .orElseThrow(() -> new ApiException(401, OperationHandles.INVALID)).definition();
    if (lane != Lane.READ) {
      ToolCalls.requireMayRun(operation, caller);
      requireConfirmation(lane.tool(), args);
    }
    return results.json(lane.tool(), operation.summary(), calls.run(lane.tool(), operation, args.path(ARGUMENTS).get(PARAMS), caller));
  }

  private static void requireConfirmation(String tool, JsonNode args) {
    JsonNode confirmation = args.path(CONFIRMATION);
    if (!confirmation.path("acknowledged").asBoolean(false) || confirmation.path("reason").asText("").isBlank()) {
      throw new ApiException(400, tool + " changes Statsig and needs confirmation: {\"acknowledged\": true,"
          + " \"reason\": \"<why>\"}");
    }
  }
}
