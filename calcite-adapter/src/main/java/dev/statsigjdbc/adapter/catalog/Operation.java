package dev.statsigjdbc.adapter.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Console API operation a table reads, as the API names it: method, path template (path
 * arguments in braces, e.g. {@code /console/v1/experiments/{id}}) and the spec's summary.
 * Every argument of a call that is not a path argument is a query argument. How an operation
 * is reached over MCP is a dialect's business, never the catalog's.
 */
public record Operation(String method, String path, String summary) {

  private static final Pattern PATH_ARGUMENT = Pattern.compile("\\{([^}]+)}");

  public Operation {
    method = method.toUpperCase(Locale.ROOT);
  }

  /** Parses the catalog's key {@code "GET /console/v1/experiments"}. */
  public static Operation parse(String key, String summary) {
    String[] parts = key.strip().split("\\s+");
    if (parts.length != 2 || !parts[1].startsWith("/")) {
      throw new IllegalArgumentException("An operation is 'METHOD /path', not '" + key + "'");
    }
    return new Operation(parts[0], parts[1], summary);
  }

  /** The path arguments, in path order. */
  public List<String> pathArguments() {
    List<String> names = new ArrayList<>();
    Matcher m = PATH_ARGUMENT.matcher(path);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  public boolean isPathArgument(String name) {
    return pathArguments().contains(name);
  }

  /** The path with every argument as {@code {}}, to compare templates whose argument names differ. */
  public String pathShape() {
    return PATH_ARGUMENT.matcher(path).replaceAll("{}");
  }

  /** {@code GET /console/v1/experiments}: the catalog's key. */
  public String key() {
    return method + " " + path;
  }

  @Override
  public String toString() {
    return key();
  }
}
