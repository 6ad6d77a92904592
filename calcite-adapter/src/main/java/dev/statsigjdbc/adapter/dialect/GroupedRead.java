package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A V3 grouped read ({@code experiment_read}, ...): one tool, one {@code action} per Console
 * operation. The action vocabulary is read from the live input schema (an {@code enum} with a
 * description line per action, or {@code oneOf}/{@code anyOf} branches with a {@code const}
 * and a description each) and an operation is matched to an action by meaning, never by a
 * known string: the action strings are the server's to choose.
 */
final class GroupedRead {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Words of a grouped tool's name that say "read", not what is read. */
  private static final Set<String> READ_WORDS = Set.of("get", "list");

  /** One action: its string and what the schema says it does. */
  record Action(String name, String description) {}

  private final ToolDescriptor tool;
  private final Set<String> subject;
  private final List<Action> actions;

  private GroupedRead(ToolDescriptor tool, Set<String> subject, List<Action> actions) {
    this.tool = tool;
    this.subject = subject;
    this.actions = List.copyOf(actions);
  }

  /** The tool as a grouped read, or empty when its input schema has no action vocabulary. */
  static Optional<GroupedRead> of(ToolDescriptor tool) {
    JsonNode schema = schema(tool);
    if (schema == null || schema.path("properties").has("confirmation")) {
      return Optional.empty();
    }
    Map<String, String> actions = new LinkedHashMap<>();
    readActionProperty(schema.path("properties").path("action"), actions);
    for (String combinator : List.of("oneOf", "anyOf")) {
      for (JsonNode branch : schema.path(combinator)) {
        Map<String, String> found = new LinkedHashMap<>();
        readActionProperty(branch.path("properties").path("action"), found);
        String said = text(branch, "description", "title");
        found.forEach((name, description) -> actions.putIfAbsent(name, description.isEmpty() ? said : description));
      }
    }
    Set<String> subject = MeaningWords.of(tool.name());
    subject.removeAll(READ_WORDS);
    if (actions.isEmpty() || subject.isEmpty()) {
      return Optional.empty();
    }
    List<Action> list = new ArrayList<>();
    actions.forEach((name, description) -> list.add(new Action(name, description)));
    return Optional.of(new GroupedRead(tool, subject, list));
  }

  ToolDescriptor tool() {
    return tool;
  }

  List<Action> actions() {
    return actions;
  }

  /** Whether this tool reads the operation's resource ({@code log_read} reads {@code /audit_logs}). */
  boolean covers(Operation operation) {
    return MeaningWords.of(resource(operation)).containsAll(subject);
  }

  /**
   * The action that means the operation: the words of its string and description that the
   * operation's summary and path share, each weighted by how rare it is among this tool's
   * actions, less the rare words of its description the operation lacks (an action string may
   * be opaque, so only its description, when it has one, counts against it). Empty when no
   * action wins outright.
   */
  Optional<Action> actionFor(Operation operation) {
    Set<String> wanted = MeaningWords.of(operation.summary());
    wanted.addAll(MeaningWords.of(operation.path().replaceAll("\\{[^}]*}", " ")));
    List<Set<String>> said = new ArrayList<>();
    List<Set<String>> against = new ArrayList<>();
    for (Action action : actions) {
      Set<String> described = MeaningWords.of(action.description());
      Set<String> words = MeaningWords.of(action.name());
      against.add(described.isEmpty() ? words : described);
      words.addAll(described);
      said.add(words);
    }
    Action best = null;
    double bestScore = 0;
    boolean tie = false;
    for (int i = 0; i < actions.size(); i++) {
      double score = 0;
      for (String word : said.get(i)) {
        if (wanted.contains(word)) {
          score += rarity(word, said);
        } else if (against.get(i).contains(word)) {
          score -= rarity(word, said) / 2;
        }
      }
      if (score > bestScore + 1e-9) {
        best = actions.get(i);
        bestScore = score;
        tie = false;
      } else if (best != null && Math.abs(score - bestScore) <= 1e-9) {
        tie = true;
      }
    }
    return tie ? Optional.empty() : Optional.ofNullable(best);
  }

  private static double rarity(String word, List<Set<String>> said) {
    long with = said.stream().filter(words -> words.contains(word)).count();
    return Math.log(1 + (double) said.size() / with);
  }

  /** The first path segment after the API version: {@code experiments}, {@code audit_logs}. */
  private static String resource(Operation operation) {
    String[] segments = operation.path().replaceFirst("^/console/v\\d+/", "").split("/");
    return segments[0];
  }

  /** Adds the action strings of an {@code action} property and their descriptions. */
  private static void readActionProperty(JsonNode action, Map<String, String> into) {
    if (action.isMissingNode()) {
      return;
    }
    Map<String, String> lines = descriptionLines(action.path("description").asText(""));
    if (action.has("const")) {
      into.putIfAbsent(action.get("const").asText(), lines.getOrDefault(action.get("const").asText(), text(action, "description", "title")));
    }
    for (JsonNode value : action.path("enum")) {
      into.putIfAbsent(value.asText(), lines.getOrDefault(value.asText(), ""));
    }
    for (String combinator : List.of("oneOf", "anyOf")) {
      for (JsonNode branch : action.path(combinator)) {
        if (branch.has("const")) {
          into.putIfAbsent(branch.get("const").asText(), text(branch, "description", "title"));
        }
        for (JsonNode value : branch.path("enum")) {
          into.putIfAbsent(value.asText(), text(branch, "description", "title"));
        }
      }
    }
  }

  /** {@code - list: List Experiments} lines (also {@code * `list` - ...}, {@code list = ...}). */
  private static Map<String, String> descriptionLines(String description) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (String line : description.split("\\R")) {
      String stripped = line.strip().replaceFirst("^[-*•]\\s*", "");
      String[] parts = stripped.split("\\s*(?::|=|\\s-\\s|\\s–\\s)\\s*", 2);
      if (parts.length == 2) {
        lines.put(parts[0].replace("`", "").replace("\"", "").strip(), parts[1].strip());
      }
    }
    return lines;
  }

  private static String text(JsonNode node, String... fields) {
    for (String field : fields) {
      if (node.hasNonNull(field)) {
        return node.get(field).asText();
      }
    }
    return "";
  }

  private static JsonNode schema(ToolDescriptor tool) {
    if (tool.inputSchema() == null) {
      return null;
    }
    try {
      return MAPPER.readTree(tool.inputSchema());
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }
}
