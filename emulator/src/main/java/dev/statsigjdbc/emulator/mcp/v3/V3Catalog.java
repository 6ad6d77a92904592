package dev.statsigjdbc.emulator.mcp.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.mcp.ToolCatalog;
import dev.statsigjdbc.emulator.mcp.ToolDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The V3 tool table: {@code v3-tools.json} (grouped reads with their actions, create and update
 * tools) joined with the V1 {@link ToolCatalog}, whose tools give each action its Console API
 * operation, summary and {@code params} schema. Every V1 operation tool is also a discovery
 * operation.
 */
final class V3Catalog {
  private static final String RESOURCE = "v3-tools.json";
  private static final String CONSOLE_PREFIX = "/console/v1/";

  /** One action of a grouped read: a V1 tool's operation under two vocabularies. */
  record Action(String defaultName, String alternateName, ToolDefinition operation) {}

  record GroupedRead(String name, String description, boolean expanded, List<Action> actions) {}

  /** A create tool ({@code params}) or an update tool ({@code arguments.params}); both need a confirmation. */
  record WriteTool(String name, ToolDefinition operation, boolean update, boolean expanded) {}

  /** A Console API operation reachable through {@code discover_tools}. */
  record Operation(String operationId, ToolDefinition definition, String category, Lane lane) {}

  private final List<GroupedRead> groupedReads;
  private final List<WriteTool> writes;
  private final List<Operation> operations;

  private V3Catalog(List<GroupedRead> groupedReads, List<WriteTool> writes, List<Operation> operations) {
    this.groupedReads = List.copyOf(groupedReads);
    this.writes = List.copyOf(writes);
    this.operations = List.copyOf(operations);
  }

  static V3Catalog load(ObjectMapper mapper, ToolCatalog v1) {
    JsonNode table = read(mapper);
    List<GroupedRead> reads = new ArrayList<>();
    for (JsonNode entry : table.path("groupedReads")) {
      List<Action> actions = new ArrayList<>();
      for (JsonNode action : entry.path("actions")) {
        actions.add(new Action(action.path("default").asText(), action.path("alternate").asText(),
            v1Tool(v1, action.path("tool").asText())));
      }
      reads.add(new GroupedRead(entry.path("name").asText(), entry.path("description").asText(),
          entry.path("expanded").asBoolean(), actions));
    }
    List<WriteTool> writes = new ArrayList<>();
    for (JsonNode entry : table.path("writes")) {
      writes.add(new WriteTool(entry.path("name").asText(), v1Tool(v1, entry.path("tool").asText()),
          "update".equals(entry.path("shape").asText()), entry.path("expanded").asBoolean()));
    }
    List<Operation> operations = v1.all().stream()
        .filter(t -> !t.invoke() && !t.renamed())
        .map(t -> new Operation(operationId(t), t, category(t), Lane.of(t)))
        .toList();
    return new V3Catalog(reads, writes, operations);
  }

  List<GroupedRead> groupedReads(EmulatorConfig config) {
    return groupedReads.stream().filter(r -> !r.expanded() || config.v3ExpandedTools()).toList();
  }

  List<WriteTool> writes(EmulatorConfig config) {
    return writes.stream().filter(w -> !w.expanded() || config.v3ExpandedTools()).toList();
  }

  List<Operation> operations() {
    return operations;
  }

  /** {@code Get_List_of_Layers} -> {@code getListOfLayers}: the Console spec declares no ids, so the emulator makes stable ones. */
  private static String operationId(ToolDefinition tool) {
    String[] words = tool.name().split("_");
    StringBuilder id = new StringBuilder(words[0].toLowerCase(Locale.ROOT));
    for (int i = 1; i < words.length; i++) {
      id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return id.toString();
  }

  /** The first path segment: {@code /console/v1/metrics/list} -> {@code metrics}. */
  private static String category(ToolDefinition tool) {
    String path = tool.pathTemplate().startsWith(CONSOLE_PREFIX)
        ? tool.pathTemplate().substring(CONSOLE_PREFIX.length())
        : tool.pathTemplate().replaceFirst("^/[^/]+/", "");
    return path.split("/", 2)[0];
  }

  private static ToolDefinition v1Tool(ToolCatalog v1, String name) {
    return v1.find(name).orElseThrow(() -> new IllegalStateException(
        RESOURCE + " names V1 tool '" + name + "' that tools.json lacks"));
  }

  private static JsonNode read(ObjectMapper mapper) {
    try (InputStream in = V3Catalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " missing from the emulator jar");
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
