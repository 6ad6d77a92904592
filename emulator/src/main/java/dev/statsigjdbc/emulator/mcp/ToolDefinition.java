package dev.statsigjdbc.emulator.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;

/**
 * One V1 tool as {@code tools.json} declares it, with its operation's description and parameters
 * from the Console API spec.
 *
 * @param name the published tool name
 * @param method HTTP method of the Console API operation (null for {@code Invoke_Tool})
 * @param pathTemplate the operation's path as the spec writes it (null for {@code Invoke_Tool})
 * @param description the spec's summary, plus its description when it has one
 * @param parameters the operation's path and query parameters
 * @param takesBody whether the operation takes a JSON body (the {@code "application/json"} key)
 * @param inputSchema the published JSON schema of the tool's arguments
 * @param annotations MCP hints as published, or null for none
 * @param write whether the tool can change state (refused for read-only callers)
 * @param extra published only with {@code extraTools}
 * @param renamed a drifted alias, published only with {@code renamedTools}
 * @param invoke the {@code Invoke_Tool} dispatcher
 */
public record ToolDefinition(
    String name,
    String method,
    String pathTemplate,
    String description,
    List<Parameter> parameters,
    boolean takesBody,
    Map<String, Object> inputSchema,
    ToolAnnotations annotations,
    boolean write,
    boolean extra,
    boolean renamed,
    boolean invoke) {

  /** The key of the request body inside {@code params}. */
  public static final String BODY_KEY = "application/json";

  /** A path or query parameter of the operation. */
  public record Parameter(String name, String in, boolean required, String description, JsonNode schema) {
    /** The key this parameter has inside {@code params}: {@code path_id}, {@code query_limit}. */
    public String key() {
      return in + "_" + name;
    }

    public boolean inPath() {
      return "path".equals(in);
    }
  }

  /** The Console API operation's summary ("List Experiments"): the description's first paragraph. */
  public String summary() {
    return description.split("\n\n", 2)[0];
  }

  /** The operation key, {@code "GET /console/v1/experiments"}. */
  public String operation() {
    return method + " " + pathTemplate;
  }
}
