package dev.statsigjdbc.assistant;

import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.StatsigSchemaFactory;
import dev.statsigjdbc.driver.mcp.ApiKeyCredentials;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.mcp.McpSession;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * The emulator's demo data behind a JDBC connection, started once per test JVM (the emulator is
 * deterministic and the assistant only reads).
 */
final class DemoConnection {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  private static final String KEY = "console-assistant-test";
  private static EmulatorServer emulator;
  private static Connection connection;

  private DemoConnection() {}

  static synchronized EmulatorServer emulator() {
    if (emulator == null) {
      emulator = EmulatorServer.start(EmulatorConfig.defaults().today(TODAY).apiKey(KEY, false));
      Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    }
    return emulator;
  }

  static synchronized Connection connection() throws SQLException {
    if (connection == null) {
      McpSession session = McpSession.open(McpServerAddress.parse(emulator().mcpUrl()),
          new ApiKeyCredentials(KEY), Duration.ofSeconds(30));
      Properties info = new Properties();
      info.setProperty("caseSensitive", "false");
      Connection c = DriverManager.getConnection("jdbc:calcite:", info);
      CalciteConnection calcite = c.unwrap(CalciteConnection.class);
      StatsigSchemaFactory.mount(calcite.getRootSchema(), "statsig", new McpToolSource(session), StatsigOptions.defaults());
      calcite.setSchema("statsig");
      connection = c;
    }
    return connection;
  }
}
