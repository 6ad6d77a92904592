package dev.statsigjdbc.driver.mcp;

import java.net.URI;

/**
 * An MCP server URL split the way the SDK's Streamable HTTP transport needs it: the origin as
 * base URL and the path (with query) as endpoint. Giving the SDK the full URL as base would
 * silently drop the path ({@code https://api.statsig.com/v1/mcp} would be called at {@code /mcp}).
 *
 * @param origin scheme, host and port, e.g. {@code https://api.statsig.com}
 * @param endpoint path and query, e.g. {@code /v1/mcp}
 */
public record McpServerAddress(String origin, String endpoint) {

  /** Statsig's hosted MCP server (V1 tools). */
  public static final String STATSIG_DEFAULT = "https://api.statsig.com/v1/mcp";

  public static McpServerAddress parse(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a valid MCP server URL: '" + url + "' (expected e.g. " + STATSIG_DEFAULT + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "The MCP server URL must be an http(s) URL with a host, like " + STATSIG_DEFAULT + "; got '" + url + "'");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("Put credentials in connection properties, not in the MCP server URL");
    }
    String origin = scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String endpoint = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    return new McpServerAddress(origin, endpoint);
  }

  public URI uri() {
    return URI.create(origin + endpoint);
  }

  @Override
  public String toString() {
    return origin + endpoint;
  }
}
