package dev.statsigjdbc.adapter.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a tool's input schema tells the guard: the actions of a grouped tool (V3's
 * {@code experiment_read} takes {@code action} + {@code arguments}), read from the live schema
 * (an {@code action} property's {@code enum}, {@code const}, or {@code oneOf}/{@code anyOf}
 * branches with their descriptions, at the top or in top-level branches), and whether the tool
 * takes a {@code confirmation} anywhere (every V3 write does; a read-only client never sends
 * one). The V3 dialect reads the same actions from here.
 */
public final class ToolInputSchema {

  /** The argument a grouped tool's action goes in. */
  public static final String ACTION = "action";
  /** The argument every confirmed write takes. */
  public static final String CONFIRMATION = "confirmation";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One action a grouped tool declares; {@code description} is null when the schema gives none. */
  public record Action(String name, String description) {}

  private final List<Action> actions;
  private final boolean takesConfirmation;
  private final boolean readable;

  private ToolInputSchema(List<Action> actions, boolean takesConfirmation, boolean readable) {
    this.actions = List.copyOf(actions);
    this.takesConfirmation = takesConfirmation;
    this.readable = readable;
  }

  public static ToolInputSchema of(ToolDescriptor tool) {
    if (tool.inputSchema() == null || tool.inputSchema().isBlank()) {
      return new ToolInputSchema(List.of(), false, true);
    }
    JsonNode schema;
    try {
      schema = MAPPER.readTree(tool.inputSchema());
    } catch (JsonProcessingException notJson) {
      return new ToolInputSchema(List.of(), false, false);
    }
    if (schema == null || !schema.isObject()) {
      return new ToolInputSchema(List.of(), false, false);
    }
    Map<String, Action> actions = new LinkedHashMap<>();
    collectActions(schema, null, actions);
    for (String branches : List.of("oneOf", "anyOf", "allOf")) {
      for (JsonNode branch : schema.path(branches)) {
        collectActions(branch, text(branch, "description"), actions);
      }
    }
    return new ToolInputSchema(new ArrayList<>(actions.values()), hasConfirmation(schema), true);
  }

  /** The declared actions, in schema order; empty when the tool is not grouped. */
  public List<Action> actions() {
    return actions;
  }

  /** Whether the tool declares actions, so that every call must name one of them. */
  public boolean grouped() {
    return !actions.isEmpty();
  }

  /** The declared action spelled exactly {@code name}, if any. */
  public Optional<Action> action(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Whether a property named {@code confirmation} (any case) appears anywhere in the schema. */
  public boolean takesConfirmation() {
    return takesConfirmation;
  }

  /** False when the schema is not a JSON object: the guard cannot tell what the tool takes. */
  public boolean readable() {
    return readable;
  }

  /** Whether an argument named {@code confirmation} (any case) appears anywhere in {@code arguments}. */
  public static boolean carriesConfirmation(JsonNode arguments) {
    if (arguments == null) {
      return false;
    }
    if (namesConfirmation(arguments)) {
      return true;
    }
    for (JsonNode child : arguments) {
      if (carriesConfirmation(child)) {
        return true;
      }
    }
    return false;
  }

  private static void collectActions(JsonNode schema, String branchDescription, Map<String, Action> into) {
    JsonNode action = schema.path("properties").path(ACTION);
    if (!action.isObject()) {
      return;
    }
    String description = text(action, "description");
    for (JsonNode value : action.path("enum")) {
      add(value, branchDescription != null ? branchDescription : line(description, value.asText()), into);
    }
    add(action.path("const"), branchDescription != null ? branchDescription : description, into);
    for (String branches : List.of("oneOf", "anyOf")) {
      for (JsonNode branch : action.path(branches)) {
        String own = text(branch, "description");
        add(branch.path("const"), own != null ? own : text(branch, "title"), into);
        for (JsonNode value : branch.path("enum")) {
          add(value, own, into);
        }
      }
    }
  }

  /**
   * What an {@code action} property's description says about one enum value: the rest of the
   * line that names it ({@code - list: List Experiments}, also {@code `list` - ...}), or null.
   */
  private static String line(String description, String action) {
    if (description == null) {
      return null;
    }
    for (String line : description.split("\\R")) {
      String stripped = line.strip().replaceFirst("^[-*\u2022]\\s*", "").replace("`", "").replace("\"", "");
      if (stripped.startsWith(action)) {
        String rest = stripped.substring(action.length()).strip();
        if (rest.matches("^[:=\u2013-].*")) {
          String said = rest.substring(1).strip();
          return said.isEmpty() ? null : said;
        }
      }
    }
    return null;
  }

  private static void add(JsonNode value, String description, Map<String, Action> into) {
    if (value.isTextual()) {
      into.merge(value.asText(), new Action(value.asText(), description),
          (old, fresh) -> old.description() != null ? old : fresh);
    }
  }

  private static boolean hasConfirmation(JsonNode schema) {
    if (schema.isObject()) {
      if (namesConfirmation(schema.path("properties"))) {
        return true;
      }
      for (JsonNode required : schema.path("required")) {
        if (isConfirmation(required.asText())) {
          return true;
        }
      }
    }
    for (JsonNode child : schema) {
      if (hasConfirmation(child)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of the object's own field names is {@code confirmation}. */
  private static boolean namesConfirmation(JsonNode object) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (isConfirmation(names.next())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConfirmation(String name) {
    return name.strip().toLowerCase(Locale.ROOT).equals(CONFIRMATION);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
