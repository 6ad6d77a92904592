package dev.statsigjdbc.cli;

import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where a command reads data: a named data source, or the embedded emulator with demo data. */
final class DataSourceOptions {
  private DataSourceOptions() {}

  /** Exactly one of these (a picocli exclusive group). */
  static final class Choice {
    @Option(names = "--source", paramLabel = "NAME", description = "A named data source (driver profile).")
    String source;

    @Option(names = "--demo", description = "The embedded Statsig emulator with demo data, started for this command.")
    boolean demo;
  }

  /** An open connection and the emulator behind it, if any; both close together. */
  record Opened(Connection connection, EmulatorServer emulator) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      try {
        connection.close();
      } finally {
        if (emulator != null) {
          emulator.close();
        }
      }
    }
  }

  static Opened open(Choice choice) throws SQLException {
    if (choice.demo) {
      return openEmulator(EmulatorConfig.defaults().port(0));
    }
    Properties properties = new Properties();
    properties.setProperty("profile", choice.source);
    return new Opened(DriverManager.getConnection("jdbc:statsig:", properties), null);
  }

  /**
   * Starts the emulator (demo data unless the config says otherwise) and connects to it through
   * the JDBC driver with a read-only key that exists only in this process.
   */
  static Opened openEmulator(EmulatorConfig config) throws SQLException {
    return openEmulator(config, new Properties());
  }

  /** As {@link #openEmulator(EmulatorConfig)}, with more connection properties (attached databases). */
  static Opened openEmulator(EmulatorConfig config, Properties more) throws SQLException {
    String key = "console-demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    EmulatorServer server = EmulatorServer.start(config.apiKey(key, false));
    try {
      Properties properties = new Properties();
      properties.putAll(more);
      properties.setProperty("apiKey", key); // a property, never in the URL
      return new Opened(DriverManager.getConnection("jdbc:statsig:url=" + server.mcpUrl(), properties), server);
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
  }
}
