package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One Console API request, as an MCP tool hands it over after unpacking its {@code params}
 * argument: {@code path_*} keys become {@link #pathParams}, {@code query_*} keys
 * {@link #queryParams} (a value may be an array, e.g. several statuses), and the
 * {@code "application/json"} key the {@link #body}.
 *
 * @param method HTTP method of the Console API operation (GET, POST, PATCH, PUT, DELETE)
 * @param pathTemplate the operation's path as the OpenAPI spec writes it, e.g. {@code /console/v1/experiments/{id}}
 * @param pathParams path parameters by their spec name (without the {@code path_} prefix)
 * @param queryParams query parameters by their spec name (without the {@code query_} prefix)
 * @param body request body, or null
 */
public record ApiCall(
    String method,
    String pathTemplate,
    Map<String, String> pathParams,
    Map<String, JsonNode> queryParams,
    JsonNode body) {

  public ApiCall {
    pathParams = Map.copyOf(pathParams);
    queryParams = Map.copyOf(queryParams);
  }

  /** The operation key used to route calls: {@code "GET /console/v1/experiments/{id}"}. */
  public String operation() {
    return method + " " + pathTemplate;
  }
}
