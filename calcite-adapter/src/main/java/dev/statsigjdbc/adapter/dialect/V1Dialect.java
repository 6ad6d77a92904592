package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.call.OperationCall;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.guard.ToolCatalog;
import dev.statsigjdbc.adapter.source.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statsig's V1 MCP server ({@code /v1/mcp}): one tool per Console API operation, named as in
 * {@code v1-tools.json} (with the alternates names have drifted to), arguments
 * {@code {"params": {"path_id": ..., "query_page": ...}}}, errors as text
 * {@code API Error (404): ...}.
 */
public final class V1Dialect implements Dialect {

  public static final String NAME = "v1";
  private static final Pattern STATUS = Pattern.compile("API Error \\((\\d{3})\\)");
  private static final Map<String, List<String>> TOOL_NAMES = loadToolNames();

  /** Operation key to the exposed tool that reads it. */
  private final Map<String, String> tools;

  private V1Dialect(Map<String, String> tools) {
    this.tools = Map.copyOf(tools);
  }

  /** Binds every operation V1 has a tool for to the first of its names the server exposes. */
  public static V1Dialect bind(ToolCatalog exposed) {
    Map<String, String> tools = new LinkedHashMap<>();
    TOOL_NAMES.forEach((operation, names) -> names.stream().map(exposed::exposedName).flatMap(Optional::stream)
        .findFirst().ifPresent(name -> tools.put(operation, name)));
    return new V1Dialect(tools);
  }

  /** The V1 tool names of an operation, the usual one first (empty when V1 has no tool for it). */
  public static List<String> toolNames(Operation operation) {
    return TOOL_NAMES.getOrDefault(operation.key(), List.of());
  }

  /** Whether the server publishes any V1 tool (exposed or not): how {@code dialect=auto} tells V1. */
  static boolean recognises(ToolCatalog listed) {
    return TOOL_NAMES.values().stream().flatMap(List::stream).anyMatch(name -> listed.verdict(name).isPresent());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean binds(Operation operation) {
    return tools.containsKey(operation.key());
  }

  @Override
  public Page read(OperationCall call, Wire wire) {
    String tool = tool(call.operation());
    ToolResult result = wire.call(tool, ConsoleAnswers.wrapped(ConsoleAnswers.params(call.operation(), call.arguments(), call.page())));
    if (result.isError()) {
      throw error(tool, result);
    }
    return Page.of(tool, ConsoleAnswers.body(tool, result), call.recordPaths());
  }

  @Override
  public String describe(Operation operation, Map<String, JsonNode> arguments, Integer pageSize) {
    return tool(operation) + ConsoleAnswers.wrapped(ConsoleAnswers.describedParams(operation, arguments, pageSize));
  }

  @Override
  public ToolCallException error(String tool, ToolResult result) {
    String text = result.text();
    Matcher status = STATUS.matcher(text == null ? "" : text);
    return ToolCallException.answered(tool, text, status.find() ? Integer.parseInt(status.group(1)) : 0);
  }

  private String tool(Operation operation) {
    String tool = tools.get(operation.key());
    if (tool == null) {
      throw new IllegalStateException("No V1 tool reads " + operation + " on this server");
    }
    return tool;
  }

  private static Map<String, List<String>> loadToolNames() {
    try (InputStream in = V1Dialect.class.getResourceAsStream("v1-tools.json")) {
      if (in == null) {
        throw new IllegalStateException("v1-tools.json missing from the adapter jar");
      }
      return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, List<String>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read v1-tools.json", e);
    }
  }
}
