package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Operation keys ({@code "GET /console/v1/experiments/{id}"}) to their handlers. */
final class Router {
  @FunctionalInterface
  interface Handler {
    JsonNode handle(Query query, ApiCall call);
  }

  record Route(Handler handler, boolean write) {}

  private final Map<String, Route> routes = new LinkedHashMap<>();

  void read(String operation, Handler handler) {
    add(operation, new Route(handler, false));
  }

  void write(String operation, Handler handler) {
    add(operation, new Route(handler, true));
  }

  private void add(String operation, Route route) {
    if (routes.putIfAbsent(operation, route) != null) {
      throw new IllegalStateException("operation registered twice: " + operation);
    }
  }

  Optional<Route> find(String operation) {
    return Optional.ofNullable(routes.get(operation));
  }

  Set<String> operations() {
    return Set.copyOf(routes.keySet());
  }
}
