package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import dev.statsigjdbc.emulator.EmulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.apache.calcite.avatica.remote.Driver;

/** {@code statsig-sql serve --demo} in-process for a test: the emulator with demo data and the serve server over it. */
final class ServedDemo implements AutoCloseable {
  final DataSourceOptions.Opened opened;
  final ServeServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServedDemo(DataSourceOptions.Opened opened, ServeServer server) {
    this.opened = opened;
    this.server = server;
  }

  static ServedDemo start(Driver.Serialization serialization, Path dashboards) throws SQLException {
    return start(new ServeSettings("127.0.0.1", 0, serialization, Optional.empty()), dashboards);
  }

  static ServedDemo start(ServeSettings settings, Path dashboards) throws SQLException {
    DataSourceOptions.Opened opened = DataSourceOptions.openEmulator(EmulatorConfig.defaults().port(0));
    try {
      return new ServedDemo(opened, ServeServer.start(opened, new DashboardStore(dashboards), settings));
    } catch (SQLException | RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  /** The rows of a query run directly on the server's own connection: what remote clients must get too. */
  ResultTable direct(String sql) throws SQLException {
    try (Statement statement = opened.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return ResultTable.read(rows);
    }
  }

  HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws SQLException {
    try {
      server.close();
    } finally {
      opened.close();
    }
  }
}
