package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/** Dotted paths into JSON ({@code data.rules}, {@code pagination.totalItems}). */
public final class JsonPaths {

  private JsonPaths() {}

  public static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      if (current == null || current.isMissingNode() || current.isNull()) {
        return MissingNode.getInstance();
      }
      current = current.isArray() && part.matches("\\d+") ? current.path(Integer.parseInt(part)) : current.path(part);
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
      for (String part : path.split("\\.")) {
        if (current.isNull()) {
          break;
        }
        current = current.isArray() && part.matches("\\d+") ? current.path(Integer.parseInt(part)) : current.path(part);
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
}
