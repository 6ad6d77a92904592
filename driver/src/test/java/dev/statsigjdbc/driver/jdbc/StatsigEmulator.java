package dev.statsigjdbc.driver.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.api.ApiCall;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The emulator with demo data and a write-capable API key, plus helpers to ask it and the driver.
 * As a {@code @RegisterExtension} static field it serves a whole test class and stops after it.
 */
final class StatsigEmulator implements AutoCloseable, AfterAllCallback {
  /** Write-capable on purpose: only the driver may stand between SQL and a write. */
  static final String API_KEY = "console-jdbc-test-key";
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  final EmulatorServer server;

  StatsigEmulator() {
    server = EmulatorServer.start(EmulatorConfig.defaults().today(TODAY).apiKey(API_KEY, true));
  }

  String url() {
    return StatsigDriver.PREFIX + "url=" + server.mcpUrl() + ";apiKey=" + API_KEY;
  }

  Connection connect(String... extraProperties) throws SQLException {
    Properties properties = new Properties();
    for (String property : extraProperties) {
      String[] kv = property.split("=", 2);
      properties.setProperty(kv[0], kv[1]);
    }
    return DriverManager.getConnection(url(), properties);
  }

  InMemoryConsoleApi console() {
    return (InMemoryConsoleApi) server.consoleApi();
  }

  /** A Console API GET answered by the emulator's model directly (no MCP, not counted). */
  JsonNode get(String pathTemplate, Map<String, String> pathParams, Map<String, String> query) {
    Map<String, JsonNode> q = new LinkedHashMap<>();
    query.forEach((k, v) -> q.put(k, TextNode.valueOf(v)));
    return server.consoleApi().call(new ApiCall("GET", pathTemplate, pathParams, q, null));
  }

  static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<Map<String, Object>> rows = new ArrayList<>();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
      }
      rows.add(row);
    }
    return rows;
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }
}
