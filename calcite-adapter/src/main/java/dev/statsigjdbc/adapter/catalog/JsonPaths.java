package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dotted paths into JSON ({@code data.rules}, {@code pagination.totalItems}). Every column of
 * every row is read through here, so each path is split once: the catalog's paths are few.
 */
public final class JsonPaths {

  /** One step of a path: a field name, or an array index when the step is all digits. */
  private record Step(String field, int index) {
    JsonNode from(JsonNode node) {
      return index >= 0 && node.isArray() ? node.path(index) : node.path(field);
    }
  }

  private static final Map<String, Step[]> PARSED = new ConcurrentHashMap<>();

  private JsonPaths() {}

  public static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (Step step : steps(path)) {
      if (current == null || current.isMissingNode() || current.isNull()) {
        return MissingNode.getInstance();
      }
      current = step.from(current);
    }
    return current;
  }

  /** The first path that is present and not null. */
  public static JsonNode first(JsonNode node, List<String> paths) {
    for (String path : paths) {
      JsonNode found = at(node, path);
      if (!found.isMissingNode() && !found.isNull()) {
        return found;
      }
    }
    return MissingNode.getInstance();
  }

  /** Whether one of the paths leads somewhere: to a value, or to an explicit null on the way. */
  public static boolean anyPresent(JsonNode node, List<String> paths) {
    for (String path : paths) {
      JsonNode current = node;
      for (Step step : steps(path)) {
        if (current.isNull()) {
          break;
        }
        current = step.from(current);
        if (current.isMissingNode()) {
          break;
        }
      }
      if (!current.isMissingNode()) {
        return true;
      }
    }
    return false;
  }

  private static Step[] steps(String path) {
    Step[] steps = PARSED.get(path);
    return steps != null ? steps : PARSED.computeIfAbsent(path, JsonPaths::parse);
  }

  private static Step[] parse(String path) {
    String[] parts = path.split("\\.");
    Step[] steps = new Step[parts.length];
    for (int i = 0; i < parts.length; i++) {
      steps[i] = new Step(parts[i], parts[i].matches("\\d+") ? Integer.parseInt(parts[i]) : -1);
    }
    return steps;
  }
}
