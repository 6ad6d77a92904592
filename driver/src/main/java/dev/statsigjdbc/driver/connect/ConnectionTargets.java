package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.mcp.ApiKeyCredentials;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves connection properties to a {@link ConnectionTarget}. PLACEHOLDER: handles
 * {@code url} + {@code apiKey} only; profiles and OAuth come with the data sources work.
 */
public final class ConnectionTargets {
  private ConnectionTargets() {}

  public static ConnectionTarget resolve(Properties properties, Map<String, String> environment) {
    String apiKey = StatsigProperty.API_KEY.get(properties);
    if (apiKey == null) {
      throw new IllegalArgumentException("No credentials: set apiKey, or name a data source with profile=<name>");
    }
    return new ConnectionTarget(McpServerAddress.parse(StatsigProperty.URL.get(properties)),
        new ApiKeyCredentials(apiKey), null);
  }
}
