package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.data.Calendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed, validated access to one call's path and query parameters; bad input becomes a 400. */
final class Query {
  private final ApiCall call;

  Query(ApiCall call) {
    this.call = call;
  }

  /** A path parameter (always present: the router only matches complete templates). */
  String path(String name) {
    String v = call.pathParams().get(name);
    if (v == null || v.isBlank()) {
      throw new ApiException(400, "Missing path parameter '" + name + "' for " + call.operation() + ".");
    }
    return v;
  }

  Optional<String> string(String name) {
    JsonNode v = call.queryParams().get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw new ApiException(400, "Query parameter '" + name + "' must be a single value, got " + v + ".");
    }
    return Optional.of(v.asText());
  }

  String requiredString(String name) {
    return string(name).filter(s -> !s.isBlank())
        .orElseThrow(() -> new ApiException(400, "Query parameter '" + name + "' is required for " + call.operation() + "."));
  }

  /** A parameter the spec allows as one string or an array of strings; empty when absent. */
  List<String> strings(String name) {
    JsonNode v = call.queryParams().get(name);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(item -> out.add(item.asText()));
    } else if (v.isValueNode()) {
      out.add(v.asText());
    } else {
      throw new ApiException(400, "Query parameter '" + name + "' must be a string or an array of strings, got " + v + ".");
    }
    return out;
  }

  /** A positive integer given as a number or a numeric string, at most {@code max}. */
  int positiveInt(String name, int defaultValue, int max) {
    Optional<String> text = string(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(text.get().trim());
    } catch (NumberFormatException e) {
      throw new ApiException(400, "Query parameter '" + name + "' must be a positive integer, got '" + text.get() + "'.");
    }
    if (value < 1 || value > max) {
      throw new ApiException(400, "Query parameter '" + name + "' must be between 1 and " + max + ", got " + value + ".");
    }
    return (int) value;
  }

  Optional<LocalDate> date(String name) {
    return string(name).map(text -> {
      LocalDate d = Calendar.parseDate(text);
      if (d == null) {
        throw new ApiException(400, "Query parameter '" + name + "' must be a date as YYYY-MM-DD, got '" + text + "'.");
      }
      return d;
    });
  }

  /** A boolean given as true/false or "true"/"false". */
  Optional<Boolean> bool(String name) {
    return string(name).map(text -> switch (text.toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ApiException(400, "Query parameter '" + name + "' must be true or false, got '" + text + "'.");
    });
  }

  /** The concrete request path: the template with its path parameters filled in. */
  String concretePath() {
    String path = call.pathTemplate();
    for (var e : call.pathParams().entrySet()) {
      path = path.replace("{" + e.getKey() + "}", e.getValue());
    }
    return path;
  }
}
