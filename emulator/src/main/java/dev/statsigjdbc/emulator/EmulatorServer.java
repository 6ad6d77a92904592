package dev.statsigjdbc.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import dev.statsigjdbc.emulator.auth.AuthModule;
import dev.statsigjdbc.emulator.auth.Principal;
import dev.statsigjdbc.emulator.data.Dataset;
import dev.statsigjdbc.emulator.data.DatasetGenerator;
import dev.statsigjdbc.emulator.faults.FaultFilter;
import dev.statsigjdbc.emulator.faults.Faults;
import dev.statsigjdbc.emulator.faults.TokenBucket;
import dev.statsigjdbc.emulator.mcp.ToolCallStats;
import dev.statsigjdbc.emulator.mcp.ToolCatalog;
import dev.statsigjdbc.emulator.mcp.ToolHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import dev.statsigjdbc.emulator.mcp.v3.V3ToolHandler;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * A running emulator: embedded Tomcat on 127.0.0.1 serving the MCP endpoints ({@code /v1/mcp}
 * and {@code /v3/mcp}, Streamable HTTP, over the same Console API), the auth module's OAuth endpoints, and the loopback admin endpoints
 * ({@code /admin/faults}, {@code /admin/stats}, {@code /admin/reset}). Close it to stop Tomcat
 * and free the port.
 */
public final class EmulatorServer implements AutoCloseable {
  /** Bind address: loopback only, the emulator is never reachable from other machines. */
  public static final String HOST = "127.0.0.1";
  public static final String VERSION = "0.1.0";
  private static final String OAUTH_METADATA_PATH = "/.well-known/oauth-authorization-server";
  // Tomcat warns about Reactor's shared threads at every stop; keep only its errors. Strong references:
  // JUL keeps loggers weakly, and a collected logger forgets its level.
  private static final Logger[] QUIET_LOGGERS = {
      Logger.getLogger("org.apache.catalina"), Logger.getLogger("org.apache.coyote"),
      Logger.getLogger("org.apache.tomcat")};

  private final Tomcat tomcat;
  private final Path baseDir;
  private final List<McpSyncServer> servers = new ArrayList<>();
  private final ConsoleApi api;
  private final ToolCallStats stats;
  private final Faults faults;
  private final AuthModule auth;
  private volatile int port;

  private EmulatorServer(EmulatorConfig config, ConsoleApi api) throws IOException {
    this.api = api;
    this.baseDir = Files.createTempDirectory("statsig-emulator");
    this.stats = new ToolCallStats();
    this.auth = new AuthModule(config, () -> URI.create(origin()));
    this.faults = new Faults(auth::expireAccessTokens).latencyMillis(config.latencyMillis());

    ObjectMapper mapper = new ObjectMapper();
    ToolCatalog catalog = ToolCatalog.load(mapper);
    HttpServletStreamableServerTransportProvider v1 = transport(mapper, AuthModule.MCP_PATH);
    servers.add(mcpServer(v1, mapper, new ToolHandler(catalog.published(config), api, stats, faults, mapper).specifications()));
    V3ToolHandler v3Tools = new V3ToolHandler(config, catalog, api, stats, faults, mapper);
    HttpServletStreamableServerTransportProvider v3 = transport(mapper, AuthModule.V3_MCP_PATH);
    servers.add(mcpServer(v3, mapper, v3Tools.specifications(true)));
    HttpServlet v3Servlet = v3;
    if (config.v3HideWritesFromReadOnlyKeys()) {
      HttpServletStreamableServerTransportProvider v3ReadOnly = transport(mapper, AuthModule.V3_MCP_PATH);
      servers.add(mcpServer(v3ReadOnly, mapper, v3Tools.specifications(false)));
      v3Servlet = new ByCallerServlet(v3, v3ReadOnly);
    }

    this.tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setProperty("address", HOST);
    connector.setPort(config.port());
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    ServletWiring.addServlet(context, "mcp", v1, AuthModule.MCP_PATH);
    ServletWiring.addServlet(context, "mcp-v3", v3Servlet, AuthModule.V3_MCP_PATH);
    auth.install(context);
    TokenBucket bucket = config.rateLimit()
        ? new TokenBucket(config.rateLimitRequests(), config.rateLimitWindow(), System::nanoTime)
        : null;
    ServletWiring.addFilter(context, "mcp-faults", new FaultFilter(faults, bucket), Map.of(),
        AuthModule.MCP_PATHS.toArray(String[]::new));
    ServletWiring.addServlet(context, "admin", new AdminServlet(faults, stats, mapper), AdminServlet.PATH + "/*");
  }

  /** Starts an emulator over the generated data set the config names. */
  public static EmulatorServer start(EmulatorConfig config) {
    Dataset dataset = DatasetGenerator.generate(config.dataset(), config.seed(), config.today());
    return start(config, new InMemoryConsoleApi(dataset, config.quirks(), config.pageLimits()));
  }

  /** Starts an emulator over the given Console API model (tests that need data of their own). */
  public static EmulatorServer start(EmulatorConfig config, ConsoleApi api) {
    quietTomcatLogging();
    EmulatorServer server;
    try {
      server = new EmulatorServer(config, api);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the emulator's work directory", e);
    }
    try {
      server.tomcat.start();
      server.port = server.tomcat.getConnector().getLocalPort();
      if (server.port <= 0) {
        throw new IllegalStateException("the emulator could not bind " + HOST + ":" + config.port()
            + " (port in use?); choose another --port, or 0 for any free port");
      }
      return server;
    } catch (LifecycleException | RuntimeException e) {
      server.close();
      throw new IllegalStateException("the emulator failed to start on " + HOST + ":" + config.port()
          + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>} */
  public String origin() {
    return "http://" + HOST + ":" + port;
  }

  /** {@code http://127.0.0.1:<port>/v1/mcp} */
  public String mcpUrl() {
    return origin() + AuthModule.MCP_PATH;
  }

  /** {@code http://127.0.0.1:<port>/v3/mcp} */
  public String v3McpUrl() {
    return origin() + AuthModule.V3_MCP_PATH;
  }

  /** The OAuth authorization server metadata (RFC 8414). */
  public String oauthMetadataUrl() {
    return origin() + OAUTH_METADATA_PATH;
  }

  /** The Console API model behind the tools (an {@link InMemoryConsoleApi} unless a test gave its own). */
  public ConsoleApi consoleApi() {
    return api;
  }

  public ToolCallStats stats() {
    return stats;
  }

  public Faults faults() {
    return faults;
  }

  public AuthModule auth() {
    return auth;
  }

  @Override
  public void close() {
    servers.forEach(McpSyncServer::close);
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("the emulator did not stop cleanly", e);
    } finally {
      deleteBaseDir();
    }
  }

  private static HttpServletStreamableServerTransportProvider transport(ObjectMapper mapper, String path) {
    return HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(new JacksonMcpJsonMapper(mapper))
        .mcpEndpoint(path)
        .contextExtractor(request -> {
          Object principal = request.getAttribute(Principal.REQUEST_ATTRIBUTE);
          return principal == null
              ? McpTransportContext.EMPTY
              : McpTransportContext.create(Map.of(Principal.REQUEST_ATTRIBUTE, principal));
        })
        .build();
  }

  private static McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, ObjectMapper mapper,
      List<SyncToolSpecification> tools) {
    return McpServer.sync(transport)
        .serverInfo("statsig-emulator", VERSION)
        .jsonMapper(new JacksonMcpJsonMapper(mapper))
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(mapper))
        // Bad params are answered by the tool itself, as Statsig does: an error naming the keys.
        .validateToolInputs(false)
        .capabilities(ServerCapabilities.builder().tools(false).build())
        .tools(tools)
        .build();
  }

  private static void quietTomcatLogging() {
    for (Logger logger : QUIET_LOGGERS) {
      logger.setLevel(Level.SEVERE);
    }
  }

  private void deleteBaseDir() {
    try (Stream<Path> paths = Files.walk(baseDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is harmless; the port is already free.
    }
  }
}
