package dev.statsigjdbc.emulator.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.EmulatorConfig;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The V1 tool table: {@code tools.json} (tool name -> Console API operation, annotations, flags)
 * joined with {@code console-operations.json} (summaries and parameters extracted from the spec).
 */
public final class ToolCatalog {
  private static final String TOOLS = "tools.json";
  private static final String OPERATIONS = "console-operations.json";

  private final List<ToolDefinition> tools;

  private ToolCatalog(List<ToolDefinition> tools) {
    this.tools = List.copyOf(tools);
  }

  /** Loads the catalog from the module's resources. */
  public static ToolCatalog load(ObjectMapper mapper) {
    JsonNode table = read(mapper, TOOLS);
    ObjectNode operations = (ObjectNode) read(mapper, OPERATIONS);
    operations.setAll((ObjectNode) table.path("emulatorOperations"));
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode entry : table.path("tools")) {
      tools.add(entry.path("invoke").asBoolean()
          ? invokeTool(mapper, entry, table.path("invokeTool"))
          : operationTool(mapper, entry, operations));
    }
    return new ToolCatalog(tools);
  }

  /** Every tool in the table, published or not. */
  public List<ToolDefinition> all() {
    return tools;
  }

  /** The tools an emulator with these settings publishes. */
  public List<ToolDefinition> published(EmulatorConfig config) {
    return tools.stream()
        .filter(t -> !t.extra() || config.extraTools())
        .filter(t -> !t.renamed() || config.renamedTools())
        .toList();
  }

  public Optional<ToolDefinition> find(String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static ToolDefinition operationTool(ObjectMapper mapper, JsonNode entry, JsonNode operations) {
    String name = entry.path("name").asText();
    String operation = entry.path("operation").asText();
    JsonNode op = operations.path(operation);
    if (op.isMissingNode()) {
      throw new IllegalStateException("tools.json: tool " + name + " names operation '" + operation
          + "' that console-operations.json lacks; rerun emulator/src/main/spec/extract-operations.sh");
    }
    List<ToolDefinition.Parameter> parameters = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      parameters.add(new ToolDefinition.Parameter(p.path("name").asText(), p.path("in").asText(),
          p.path("required").asBoolean() || "path".equals(p.path("in").asText()),
          p.path("description").asText(null), p.path("schema")));
    }
    boolean takesBody = op.path("body").asBoolean();
    String[] methodAndPath = operation.split(" ", 2);
    return new ToolDefinition(name, methodAndPath[0], methodAndPath[1], describe(op), parameters, takesBody,
        paramsSchema(mapper, parameters, takesBody), annotations(mapper, entry), entry.path("write").asBoolean(),
        entry.path("extra").asBoolean(), entry.path("renamed").asBoolean(), false);
  }

  private static ToolDefinition invokeTool(ObjectMapper mapper, JsonNode entry, JsonNode spec) {
    return new ToolDefinition(entry.path("name").asText(), null, null, spec.path("description").asText(),
        List.of(), false, toMap(mapper, spec.path("inputSchema")), annotations(mapper, entry),
        entry.path("write").asBoolean(), false, false, true);
  }

  private static String describe(JsonNode op) {
    String summary = op.path("summary").asText();
    String description = op.path("description").asText("");
    return description.isBlank() ? summary : summary + "\n\n" + description;
  }

  /** One object argument {@code params} holding {@code path_*}, {@code query_*} and the body. */
  private static Map<String, Object> paramsSchema(
      ObjectMapper mapper, List<ToolDefinition.Parameter> parameters, boolean takesBody) {
    ObjectNode properties = mapper.createObjectNode();
    ArrayNode required = mapper.createArrayNode();
    for (ToolDefinition.Parameter p : parameters) {
      ObjectNode property = p.schema().isObject() ? ((ObjectNode) p.schema()).deepCopy() : mapper.createObjectNode();
      if (p.description() != null) {
        property.put("description", p.description());
      }
      properties.set(p.key(), property);
      if (p.required()) {
        required.add(p.key());
      }
    }
    if (takesBody) {
      properties.putObject(ToolDefinition.BODY_KEY).put("type", "object").put("description", "Request body");
    }
    ObjectNode params = mapper.createObjectNode().put("type", "object");
    params.set("properties", properties);
    if (!required.isEmpty()) {
      params.set("required", required);
    }
    ObjectNode schema = mapper.createObjectNode().put("type", "object");
    schema.putObject("properties").set("params", params);
    if (!required.isEmpty()) {
      schema.putArray("required").add("params");
    }
    return toMap(mapper, schema);
  }

  private static ToolAnnotations annotations(ObjectMapper mapper, JsonNode entry) {
    JsonNode hints = entry.path("annotations");
    return hints.isObject() ? mapper.convertValue(hints, ToolAnnotations.class) : null;
  }

  private static Map<String, Object> toMap(ObjectMapper mapper, JsonNode node) {
    return mapper.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static JsonNode read(ObjectMapper mapper, String resource) {
    try (InputStream in = ToolCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " missing from the emulator jar");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
