package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
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

  /**
   * An open connection, the URL and properties it was opened with (so that a server can open more
   * like it), the emulator behind it, the throw-away credential folder its sign-in used and the
   * demo's finance database attached to it, if any; all close together.
   */
  record Opened(Connection connection, String url, Properties properties, EmulatorServer emulator, Path credentials,
      DemoFinanceDatabase finance)
      implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      try {
        connection.close();
      } finally {
        if (emulator != null) {
          emulator.close();
        }
        deleteQuietly(credentials);
        if (finance != null) {
          finance.close();
        }
      }
    }

    /** The properties may hold passwords of attached databases: never printed. */
    @Override
    public String toString() {
      return "Opened[" + url + "]";
    }
  }

  static Opened open(Choice choice) throws SQLException {
    if (choice.demo) {
      return openDemo(EmulatorConfig.defaults().port(0));
    }
    Properties properties = new Properties();
    StatsigProperty.PROFILE.set(properties, choice.source);
    String url = "jdbc:statsig:";
    return new Opened(DriverManager.getConnection(url, properties), url, properties, null, null, null);
  }

  /**
   * The emulator as {@link #openEmulator(EmulatorConfig)} opens it, with the demo's own orders
   * database attached as {@value DemoFinanceDatabase#SCHEMA} and seeded, so that questions across
   * both sources work on the demo too.
   */
  static Opened openDemo(EmulatorConfig config) throws SQLException {
    DemoFinanceDatabase finance = DemoFinanceDatabase.create();
    Opened opened = null;
    try {
      opened = openEmulator(config, finance.attachProperties());
      finance.seed(opened.connection());
      return new Opened(opened.connection(), opened.url(), opened.properties(), opened.emulator(),
          opened.credentials(), finance);
    } catch (SQLException | RuntimeException e) {
      // Closes both (opened may be null); a failure to close is added to e, which stays the one reported.
      try (DemoFinanceDatabase closing = finance; Opened closingToo = opened) {
        throw e;
      }
    }
  }

  /**
   * Starts the emulator (demo data unless the config says otherwise) and connects to it through
   * the JDBC driver the way a user does: OAuth with dynamic registration, PKCE and the emulator's
   * auto-approving consent, fetched directly instead of in a browser. The tokens go to a vault in
   * a temporary folder that is deleted on close, so the demo leaves nothing in the user's vault.
   */
  static Opened openEmulator(EmulatorConfig config) throws SQLException {
    return openEmulator(config, new Properties());
  }

  /** As {@link #openEmulator(EmulatorConfig)}, with more connection properties (attached databases). */
  static Opened openEmulator(EmulatorConfig config, Properties more) throws SQLException {
    EmulatorServer server = EmulatorServer.start(config.autoApprove(true));
    Path credentials = null;
    try {
      credentials = Files.createTempDirectory("statsig-sql-demo-vault");
      Properties properties = new Properties();
      properties.putAll(more);
      properties.setProperty(StatsigProperty.BROWSER.key(), "direct");
      properties.setProperty(StatsigProperty.VAULT_DIR.key(), credentials.toString());
      String url = "jdbc:statsig:url=" + server.mcpUrl();
      return new Opened(DriverManager.getConnection(url, properties), url, properties, server, credentials,
          null);
    } catch (IOException e) {
      server.close();
      throw new SQLException("Cannot create a temporary folder for the demo's credentials: " + e.getMessage(), e);
    } catch (SQLException | RuntimeException e) {
      server.close();
      deleteQuietly(credentials);
      throw e;
    }
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException ignored) {
      // A temporary folder left behind holds only tokens of an emulator that no longer runs.
    }
  }
}
