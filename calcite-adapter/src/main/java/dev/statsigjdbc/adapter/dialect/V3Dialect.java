package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.call.OperationCall;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.guard.ToolCatalog;
import dev.statsigjdbc.adapter.guard.ToolInputSchema;
import dev.statsigjdbc.adapter.guard.ToolPolicy;
import dev.statsigjdbc.adapter.guard.ToolVerdict;
import dev.statsigjdbc.adapter.source.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statsig's V3 MCP server ({@code /v3/mcp}). An operation is read through a grouped read
 * ({@code experiment_read} + an {@code action} matched by meaning, see {@link GroupedRead}) when
 * one covers it, else through discovery: {@link DiscoveredReads} finds the operation with
 * {@code discover_tools} and reads it with {@code api_read} and a handle. Arguments are V1's
 * params ({@code {"params": {"path_id": ...}}}) in both lanes; answers carry the Console API
 * body as structured content or as JSON text; errors are {@code {"status": n, "message": ...}}.
 *
 * <p>Each grouped action is judged by the guard as an operation of its own (tool + action), and
 * only exposed actions are bound. No call ever carries a {@code confirmation}.
 */
public final class V3Dialect implements Dialect {

  public static final String NAME = "v3";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern V1_STATUS = Pattern.compile("API Error \\((\\d{3})\\)");

  /** A grouped read's tool and the action that reads one operation. */
  private record Bound(String tool, String action) {}

  private final List<GroupedRead> groupedReads;
  private final ToolPolicy policy;
  private final DiscoveredReads discovery;
  private final Map<String, Optional<Bound>> bound = new ConcurrentHashMap<>();

  private V3Dialect(List<GroupedRead> groupedReads, ToolPolicy policy, DiscoveredReads discovery) {
    this.groupedReads = groupedReads;
    this.policy = policy;
    this.discovery = discovery;
  }

  /**
   * Reads the grouped reads the guard exposes and whether discovery can be used.
   *
   * @param policy judges each grouped action and each discovered operation as an operation of its own
   */
  public static V3Dialect bind(ToolCatalog tools, ToolPolicy policy) {
    List<GroupedRead> grouped = tools.tools().stream().filter(ToolVerdict::exposed)
        .map(v -> GroupedRead.of(v.tool())).flatMap(Optional::stream).toList();
    Optional<ToolVerdict> discover = tools.verdict(DiscoveredReads.DISCOVER).filter(ToolVerdict::exposed);
    Optional<ToolVerdict> read = tools.verdict(DiscoveredReads.READ).filter(ToolVerdict::exposed);
    return new V3Dialect(grouped, policy,
        discover.isPresent() && read.isPresent() ? new DiscoveredReads(policy, read.get().tool()) : null);
  }

  /** Whether the server publishes V3's tools (exposed or not): how {@code dialect=auto} tells V3. */
  static boolean recognises(ToolCatalog listed) {
    return listed.verdict(DiscoveredReads.DISCOVER).isPresent()
        || listed.tools().stream().anyMatch(v -> GroupedRead.of(v.tool()).isPresent());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean binds(Operation operation) {
    return "GET".equals(operation.method()) && (grouped(operation).isPresent() || discovery != null);
  }

  @Override
  public Page read(OperationCall call, Wire wire) {
    Optional<Bound> grouped = grouped(call.operation());
    ObjectNode params = ConsoleAnswers.params(call.operation(), call.arguments(), call.page());
    if (grouped.isPresent()) {
      String tool = grouped.get().tool();
      ToolResult result = wire.call(tool, groupedArguments(grouped.get().action(), params));
      if (result.isError()) {
        throw error(tool, result);
      }
      return Page.of(tool, ConsoleAnswers.body(tool, result), call.recordPaths());
    }
    if (discovery == null) {
      throw new IllegalStateException("This V3 server offers no read of " + call.operation());
    }
    return Page.of(DiscoveredReads.READ, discovery.read(call.operation(), ConsoleAnswers.wrapped(params), wire, this), call.recordPaths());
  }

  @Override
  public String describe(Operation operation, Map<String, JsonNode> arguments, Integer pageSize) {
    ObjectNode params = ConsoleAnswers.describedParams(operation, arguments, pageSize);
    Optional<Bound> grouped = grouped(operation);
    if (grouped.isPresent()) {
      return grouped.get().tool() + groupedArguments(grouped.get().action(), params);
    }
    return discovery == null ? "no V3 read of " + operation : discovery.describe(operation, ConsoleAnswers.wrapped(params));
  }

  @Override
  public ToolCallException error(String tool, ToolResult result) {
    return ToolCallException.answered(tool, result.text(), status(result));
  }

  /** The status of an error answer: {@code {"status": n}} in its structured content or text, else V1's text form. */
  static int status(ToolResult result) {
    for (JsonNode body : new JsonNode[] {result.structuredContent(), result.json()}) {
      if (body != null && body.path("status").canConvertToInt()) {
        return body.path("status").asInt();
      }
    }
    Matcher v1 = V1_STATUS.matcher(result.text() == null ? "" : result.text());
    return v1.find() ? Integer.parseInt(v1.group(1)) : 0;
  }

  private static ObjectNode groupedArguments(String action, ObjectNode params) {
    ObjectNode arguments = JSON.objectNode().put("action", action);
    arguments.set("arguments", ConsoleAnswers.wrapped(params));
    return arguments;
  }

  private Optional<Bound> grouped(Operation operation) {
    return bound.computeIfAbsent(operation.key(), key -> {
      for (GroupedRead read : groupedReads) {
        if (read.covers(operation)) {
          Optional<ToolInputSchema.Action> action = read.actionFor(operation)
              .filter(a -> policy.judgeAction(read.tool(), a.name(), a.description()).exposed());
          if (action.isPresent()) {
            return Optional.of(new Bound(read.tool().name(), action.get().name()));
          }
        }
      }
      return Optional.empty();
    });
  }
}
