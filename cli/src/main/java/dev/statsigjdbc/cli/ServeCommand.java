package dev.statsigjdbc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.calcite.avatica.remote.Driver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code statsig-sql serve}: SQL over HTTP for clients that are not Java (Avatica's protocol:
 * Avatica's JDBC driver, Python, BI tools) and the assistant (chat page, {@code /api/ask},
 * dashboards), until Ctrl-C. See docs/serve.md.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Serve SQL (Avatica remote JDBC protocol) and the assistant (chat page, /api/ask, dashboards) over"
        + " HTTP.")
final class ServeCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 8765;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  DataSourceOptions.Choice source;

  @Option(names = "--port", paramLabel = "N", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Address to listen on (default ${DEFAULT-VALUE}); any other than loopback needs a password.")
  String bind = "127.0.0.1";

  @Option(names = "--serialization", paramLabel = "FORMAT",
      description = "Avatica wire format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); clients must use"
          + " the same.")
  Driver.Serialization serialization = Driver.Serialization.PROTOBUF;

  @Option(names = "--user", paramLabel = "NAME",
      description = "User name for HTTP basic auth (default ${DEFAULT-VALUE}).")
  String user = "statsig";

  @Option(names = "--password-file", paramLabel = "FILE", description = "File whose first line is the HTTP basic"
      + " auth password (else " + ServeCredentials.PASSWORD_ENV + "); with either set every request needs it.")
  Path passwordFile;

  @Mixin DashboardOptions dashboards;

  @Override
  public Integer call() throws Exception {
    // Checked before anything starts: a server off loopback without a password never listens.
    ServeSettings settings = new ServeSettings(bind, port, serialization,
        ServeCredentials.resolve(user, passwordFile, System.getenv()));
    PrintWriter out = spec.commandLine().getOut();
    try (DataSourceOptions.Opened opened = DataSourceOptions.open(source);
        ServeServer server = ServeServer.start(opened, dashboards.store(), settings)) {
      out.printf("statsig-sql serve: listening on %s port %d (%s from this machine)%n", bind, server.port(),
          server.url());
      out.printf("  Avatica (%s): %s%n", serialization.name().toLowerCase(), server.avaticaUrl());
      out.printf("  Chat page: %s   Assistant API: POST %sapi/ask   Dashboards: %sdashboards/<name>%n",
          server.url(), server.url(), server.url());
      out.println(settings.credentials().map(c -> "  HTTP basic auth: user " + c.user() + " (password not shown)")
          .orElse("  No authentication: reachable from this machine only (loopback)."));
      out.println("Serving until Ctrl-C.");
      out.flush();
      DemoCommand.awaitShutdown();
    }
    return ExitCodes.OK;
  }
}
