package dev.statsigjdbc.cli;

import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code statsig-sql demo}: starts the embedded Statsig emulator with demo data, checks it answers
 * like Statsig's MCP server, prints where to connect, and serves until Ctrl-C.
 */
@Command(name = "demo", description = "Start a local Statsig (emulator with demo data) and show how to connect.")
final class DemoCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 8787;

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = DEFAULT_PORT;

  @Option(names = "--dataset", description = "Data set: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  DatasetProfile dataset = DatasetProfile.DEMO;

  @Option(names = "--no-wait", description = "Stop after the check instead of serving until Ctrl-C.")
  boolean noWait;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    // The self-check connects with a read-only key that exists only in this process.
    String probeKey = "console-demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    EmulatorConfig config = EmulatorConfig.defaults().port(port).dataset(dataset).apiKey(probeKey, false);
    try (EmulatorServer server = startServer(config, out)) {
      DemoProbe.Summary summary = DemoProbe.run(server.port(), probeKey);
      out.printf("Statsig emulator is running with the %s data set.%n", dataset.name().toLowerCase());
      out.printf("  MCP endpoint (Streamable HTTP): %s%n", server.mcpUrl());
      out.printf("  OAuth metadata:                 %s%n", server.oauthMetadataUrl());
      out.printf("  Checked over MCP: %d tools published (%d read, %d write); %d experiments, %d gates.%n",
          summary.tools(), summary.readTools(), summary.tools() - summary.readTools(),
          summary.experiments(), summary.gates());
      out.println("  Point any MCP client at the endpoint: it will be sent through OAuth (consent page in the browser).");
      out.flush();
      if (!noWait) {
        out.println("Serving until Ctrl-C.");
        out.flush();
        awaitShutdown();
      }
    }
    return 0;
  }

  private static EmulatorServer startServer(EmulatorConfig config, PrintWriter out) {
    try {
      return EmulatorServer.start(config);
    } catch (RuntimeException busy) {
      if (config.port() != DEFAULT_PORT) {
        throw busy;
      }
      out.printf("Port %d is taken; using a free port instead.%n", DEFAULT_PORT);
      return EmulatorServer.start(config.port(0));
    }
  }

  private static void awaitShutdown() throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-shutdown"));
    stopped.await();
  }
}
