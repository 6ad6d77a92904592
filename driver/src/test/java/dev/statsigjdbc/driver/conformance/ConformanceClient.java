package dev.statsigjdbc.driver.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.driver.connect.ConnectionTarget;
import dev.statsigjdbc.driver.connect.ConnectionTargets;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.mcp.McpSession;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The client under test for the MCP conformance suite ({@code conformance client --command ...}): connects to the
 * server URL given as the last argument the way the JDBC driver does ({@link ConnectionTargets#resolve} with only
 * a URL, signing in with the {@code direct} user agent into a temporary vault), lists the tools and calls the
 * first one. Reads {@code MCP_CONFORMANCE_SCENARIO} and {@code MCP_CONFORMANCE_CONTEXT} (a pre-registered client).
 * Exits 0 when everything worked, 1 otherwise.
 */
public final class ConformanceClient {
  /** Where the suite's Client ID Metadata Document scenario expects the client id to point. */
  static final String CLIENT_METADATA_URL = "https://conformance-test.local/client-metadata.json";

  private ConformanceClient() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: ConformanceClient <MCP server URL>");
      System.exit(2);
    }
    String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "");
    Path vault = Files.createTempDirectory("statsig-conformance-");
    int exit = 0;
    try {
      run(args[args.length - 1], scenario, System.getenv("MCP_CONFORMANCE_CONTEXT"), vault);
      System.out.println("OK " + scenario);
    } catch (RuntimeException e) {
      System.err.println("FAILED " + scenario + ": " + e.getMessage());
      exit = 1;
    } finally {
      deleteRecursively(vault);
    }
    System.exit(exit);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  static void run(String url, String scenario, String contextJson, Path vaultDir) throws IOException {
    Properties properties = new Properties();
    properties.setProperty(StatsigProperty.URL.key(), url);
    properties.setProperty(StatsigProperty.BROWSER.key(), "direct");
    properties.setProperty(StatsigProperty.VAULT_DIR.key(), vaultDir.toString());
    properties.setProperty(StatsigProperty.MASTER_KEY.key(), HexFormat.of().formatHex(new SecureRandom().generateSeed(32)));
    properties.setProperty(StatsigProperty.CLIENT_METADATA_URL.key(), CLIENT_METADATA_URL);
    if (contextJson != null && !contextJson.isBlank()) {
      JsonNode context = new ObjectMapper().readTree(contextJson);
      if (context.hasNonNull("client_id")) {
        properties.setProperty(StatsigProperty.CLIENT_ID.key(), context.get("client_id").asText());
      }
      if (context.hasNonNull("client_secret")) {
        properties.setProperty(StatsigProperty.CLIENT_SECRET.key(), context.get("client_secret").asText());
      }
    }
    ConnectionTarget target = ConnectionTargets.resolve(properties, Map.of());
    try (McpSession session = McpSession.open(target.address(), target.credentials(), Duration.ofSeconds(20))) {
      List<McpSchema.Tool> tools = session.tools();
      System.out.println(scenario + ": " + tools.size() + " tool(s)");
      if (!tools.isEmpty()) {
        McpSchema.CallToolResult result = session.call(tools.get(0).name(), Map.of());
        System.out.println("called " + tools.get(0).name() + (Boolean.TRUE.equals(result.isError()) ? " (tool error)" : ""));
      }
    }
  }
}
