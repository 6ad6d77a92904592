package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.mcp.RequestCredentials;

/**
 * Where a connection goes and how its requests authenticate, resolved from connection
 * properties (URL and API key, or a named data source profile with OAuth credentials).
 *
 * @param sourceName the profile's name, or null when the properties name the server directly
 */
public record ConnectionTarget(McpServerAddress address, RequestCredentials credentials, String sourceName) {}
