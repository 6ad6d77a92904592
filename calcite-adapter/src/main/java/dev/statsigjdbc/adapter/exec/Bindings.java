package dev.statsigjdbc.adapter.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.statsigjdbc.adapter.catalog.JsonPaths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;

/**
 * The JSON a plan has bound so far, by name ({@code e} for an experiment, {@code g} for a group,
 * {@code key} for the query's key values). Immutable: each step adds to a copy.
 */
public final class Bindings {

  static final Bindings EMPTY = new Bindings(Map.of());
  /** The catalog's references, parsed: few, and each read for every row. */
  private static final Map<String, Reference> REFERENCES = new ConcurrentHashMap<>();

  private final Map<String, JsonNode> values;

  private Bindings(Map<String, JsonNode> values) {
    this.values = values;
  }

  Bindings with(String name, JsonNode value) {
    Map<String, JsonNode> copy = new HashMap<>(values);
    copy.put(name, value);
    return new Bindings(copy);
  }

  Bindings withAll(Bindings other) {
    Map<String, JsonNode> copy = new HashMap<>(values);
    copy.putAll(other.values);
    return new Bindings(copy);
  }

  /**
   * Resolves {@code name.path.to.field}; a missing node when anything on the way is absent.
   * {@code left == right} compares two references, for flags the payload only implies (a group
   * is the control when its id equals the experiment's {@code controlGroupID}). {@code left + right}
   * joins two texts with a space, for a value the payload splits in two (an audit entry's
   * {@code date} and {@code time}); missing when either is.
   */
  public JsonNode resolve(String reference) {
    int plus = reference.indexOf(" + ");
    if (plus >= 0) {
      return combine(reference, plus, 3, (left, right) -> TextNode.valueOf(left.asText() + " " + right.asText()));
    }
    int equals = reference.indexOf("==");
    if (equals >= 0) {
      return combine(reference, equals, 2, (left, right) -> BooleanNode.valueOf(left.equals(right)));
    }
    Reference parsed = REFERENCES.get(reference);
    if (parsed == null) {
      parsed = REFERENCES.computeIfAbsent(reference, Reference::parse);
    }
    JsonNode node = values.getOrDefault(parsed.name(), MissingNode.getInstance());
    return parsed.path() == null ? node : JsonPaths.at(node, parsed.path());
  }

  /** The references left and right of an operator, combined; missing when either is. */
  private JsonNode combine(String reference, int at, int width, BinaryOperator<JsonNode> operator) {
    JsonNode left = resolve(reference.substring(0, at).strip());
    JsonNode right = resolve(reference.substring(at + width).strip());
    return left.isMissingNode() || left.isNull() || right.isMissingNode() || right.isNull()
        ? MissingNode.getInstance()
        : operator.apply(left, right);
  }

  /** A reference split once (every column of every row resolves one): the bound name, the path below it or null. */
  private record Reference(String name, String path) {
    static Reference parse(String reference) {
      int dot = reference.indexOf('.');
      return dot < 0 ? new Reference(reference, null) : new Reference(reference.substring(0, dot), reference.substring(dot + 1));
    }
  }

  /** The first of several references that resolves to a non-null value. */
  public JsonNode resolveFirst(Iterable<String> references) {
    for (String reference : references) {
      JsonNode node = resolve(reference);
      if (!node.isMissingNode() && !node.isNull()) {
        return node;
      }
    }
    return MissingNode.getInstance();
  }
}
