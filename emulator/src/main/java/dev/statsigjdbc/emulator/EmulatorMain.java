package dev.statsigjdbc.emulator;

import dev.statsigjdbc.emulator.api.ApiQuirks;
import dev.statsigjdbc.emulator.api.PageLimits;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code java -jar statsig-emulator.jar --port 8787 --dataset demo}: runs the emulator until Ctrl-C. */
@Command(name = "statsig-emulator", mixinStandardHelpOptions = true, version = "statsig-emulator " + EmulatorServer.VERSION,
    description = "A local Statsig: MCP servers (V1 and V3 tools) with OAuth, API keys, demo data and fault injection, on 127.0.0.1.")
public final class EmulatorMain implements Callable<Integer> {
  private static final String READ_WRITE_SUFFIX = ":rw";

  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "8787", description = "TCP port on 127.0.0.1; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--dataset", defaultValue = "demo", description = "demo or large (default ${DEFAULT-VALUE}).")
  DatasetProfile dataset;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--auto-approve", description = "Skip the OAuth consent page (tests, CI).")
  boolean autoApprove;

  @Option(names = "--no-auth", description = "Serve /v1/mcp and /v3/mcp without credentials.")
  boolean noAuth;

  @Option(names = "--api-key", paramLabel = "KEY[:rw]",
      description = "Accept 'statsig-api-key: KEY'; read-only unless suffixed ':rw'. Repeatable.")
  List<String> apiKeys = new ArrayList<>();

  @Option(names = "--extra-tools", description = "Also publish tools the hosted server is not known to expose.")
  boolean extraTools;

  @Option(names = "--renamed-tools", description = "Also publish drifted tool names (Get_Experiment_Results, ...).")
  boolean renamedTools;

  @Option(names = "--schema-conformant", description = "Shape responses as the spec's schemas (camelCase, bare arrays), not its examples.")
  boolean schemaConformant;

  @Option(names = "--rate-limit", description = "Statsig's per-project limit: 100 requests / 10 s, then 429.")
  boolean rateLimit;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Delay added to every MCP request (default ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(names = "--v3-expanded-tools", description = "/v3/mcp also publishes the expanded tools (layer_read, segment_read, autotune_create).")
  boolean v3ExpandedTools;

  @Option(names = "--v3-action-names", defaultValue = "default", paramLabel = "default|alternate|shuffled",
      description = "The action strings of /v3/mcp's grouped reads (default ${DEFAULT-VALUE}).")
  EmulatorConfig.V3ActionNames v3ActionNames;

  @Option(names = "--v3-structured-content", description = "/v3/mcp answers JSON as structuredContent, with a sentence as text.")
  boolean v3StructuredContent;

  @Option(names = "--v3-hide-writes-from-read-only-keys", description = "Read-only callers do not see /v3/mcp's write tools.")
  boolean v3HideWrites;

  @Option(names = "--v3-handle-ttl-seconds", defaultValue = "300",
      description = "Lifetime of discover_tools operation handles (default ${DEFAULT-VALUE}).")
  long v3HandleTtlSeconds;

  @Option(names = "--no-refresh-tokens", description = "Issue no OAuth refresh tokens and advertise no refresh_token grant.")
  boolean noRefreshTokens;

  @Option(names = "--page-size-cap", paramLabel = "N",
      description = "Serve at most N items per list page whatever limit was asked (fewer rows than asked).")
  Integer pageSizeCap;

  @Option(names = "--refuse-limits-above", paramLabel = "N",
      description = "Answer 400 to a list limit above N (default: limits above 1000 are refused).")
  Integer refuseLimitsAbove;

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new EmulatorMain())
        .setCaseInsensitiveEnumValuesAllowed(true)
        // A failed start (port in use, ...) is one line that says what to do, not a stack trace.
        .setExecutionExceptionHandler((e, cl, parsed) -> {
          cl.getErr().println("statsig-emulator: " + e.getMessage());
          return 1;
        });
    System.exit(commandLine.execute(args));
  }

  /** The settings these options stand for. */
  EmulatorConfig toConfig() {
    if (latencyMillis < 0) {
      throw new ParameterException(spec.commandLine(), "--latency-ms must be 0 or more, got " + latencyMillis);
    }
    if (v3HandleTtlSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--v3-handle-ttl-seconds must be 1 or more, got " + v3HandleTtlSeconds);
    }
    EmulatorConfig config = EmulatorConfig.defaults()
        .port(port)
        .dataset(dataset)
        .seed(seed)
        .autoApprove(autoApprove)
        .requireAuth(!noAuth)
        .extraTools(extraTools)
        .renamedTools(renamedTools)
        .quirks(schemaConformant ? ApiQuirks.schemaConformant() : ApiQuirks.specExamples())
        .latencyMillis(latencyMillis)
        .v3ExpandedTools(v3ExpandedTools)
        .v3ActionNames(v3ActionNames)
        .v3StructuredContent(v3StructuredContent)
        .v3HideWritesFromReadOnlyKeys(v3HideWrites)
        .v3HandleTtl(Duration.ofSeconds(v3HandleTtlSeconds))
        .issueRefreshTokens(!noRefreshTokens);
    if (rateLimit) {
      config.rateLimit(config.rateLimitRequests(), config.rateLimitWindow());
    }
    config.pageLimits(pageLimits());
    for (String key : apiKeys) {
      boolean canWrite = key.endsWith(READ_WRITE_SUFFIX);
      String secret = canWrite ? key.substring(0, key.length() - READ_WRITE_SUFFIX.length()) : key;
      if (secret.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--api-key needs a key, e.g. --api-key console-abc:rw");
      }
      config.apiKey(secret, canWrite);
    }
    return config;
  }

  private PageLimits pageLimits() {
    if (pageSizeCap != null && refuseLimitsAbove != null) {
      throw new ParameterException(spec.commandLine(), "--page-size-cap and --refuse-limits-above exclude each other: give one");
    }
    Integer size = pageSizeCap != null ? pageSizeCap : refuseLimitsAbove;
    if (size == null) {
      return PageLimits.defaults();
    }
    if (size < 1) {
      throw new ParameterException(spec.commandLine(), "a page holds at least 1 item, got " + size);
    }
    return pageSizeCap != null ? PageLimits.cappedAt(size) : PageLimits.refusingAbove(size);
  }

  @Override
  public Integer call() throws InterruptedException {
    EmulatorServer server = EmulatorServer.start(toConfig());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "statsig-emulator-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Statsig emulator (" + dataset.name().toLowerCase() + " data, seed " + seed + ") running.");
    out.println("MCP endpoint:    " + server.mcpUrl());
    out.println("MCP V3 endpoint: " + server.v3McpUrl());
    out.println("OAuth metadata:  " + server.oauthMetadataUrl());
    out.println("Admin:           " + server.origin() + "/admin/faults, /admin/stats, /admin/reset");
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }
}
