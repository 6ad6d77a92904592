package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerList;

/**
 * The serve process's one HTTP server: Avatica's (Jetty 9.4) answering the remote JDBC protocol over
 * a data source's {@code jdbc:statsig:} URL, with the assistant's page and API in front of it, bound
 * to one address, behind basic auth when credentials are set and answering loopback names only when not.
 */
final class ServeServer implements AutoCloseable {
  private final HttpServer server;
  private final ServeJdbcMeta meta;
  private final ServeSettings settings;

  private ServeServer(HttpServer server, ServeJdbcMeta meta, ServeSettings settings) {
    this.server = server;
    this.meta = meta;
    this.settings = settings;
  }

  static ServeServer start(DataSourceOptions.Opened opened, DashboardStore dashboards, ServeSettings settings)
      throws SQLException {
    ServeJdbcMeta meta = new ServeJdbcMeta(opened.url(), opened.properties());
    Handler web = new ServeWebHandler(
        new ServeAssistant(Assistant.offline(opened.connection()), dashboards, Clock.systemUTC()));
    LocalService service = new LocalService(meta);
    Handler json = new ServeJsonProtocol(service);
    HttpServer server = HttpServer.Builder.<Server>newBuilder()
        .withHandler(service, settings.serialization())
        .withPort(settings.port())
        .withServerCustomizers(List.of(jetty -> customize(jetty, web, json, settings)), Server.class)
        .build();
    try {
      server.start();
    } catch (RuntimeException e) {
      meta.closeAll();
      Throwable root = rootCause(e);
      if (root instanceof IOException) {
        throw new IllegalArgumentException("Cannot listen on " + settings.bind() + ":" + settings.port() + " ("
            + root.getMessage() + "); choose another --port (0 picks a free one) or --bind address.", e);
      }
      throw e;
    }
    return new ServeServer(server, meta, settings);
  }

  /** Runs after Avatica has made its connector and handlers, before Jetty starts. */
  private static void customize(Server jetty, Handler web, Handler json, ServeSettings settings) {
    for (Connector connector : jetty.getConnectors()) {
      ((ServerConnector) connector).setHost(settings.bind());
    }
    // The web handler takes its own paths; every other request is Avatica's, in JSON when sent as JSON.
    Handler routes = new HandlerList(web, json, jetty.getHandler());
    jetty.setHandler(settings.credentials().map(c -> ServeBasicAuth.around(routes, c))
        .orElseGet(() -> new ServeHostCheck(routes, settings.bind())));
  }

  /** The warm {@code jdbc:statsig:} connections remote clients lease. */
  ServeSessions sessions() {
    return meta.sessions();
  }

  int port() {
    return server.getPort();
  }

  /** The base URL, with a host a client on this machine can use. */
  String url() {
    String host = settings.bind().equals("0.0.0.0") || settings.bind().equals("::") ? "127.0.0.1" : settings.bind();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
  }

  /** The URL for Avatica's JDBC driver; credentials are not in it: clients give them as properties. */
  String avaticaUrl() {
    return "jdbc:avatica:remote:url=" + url() + ";serialization=" + settings.serialization().name().toLowerCase();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      meta.closeAll();
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }
}
