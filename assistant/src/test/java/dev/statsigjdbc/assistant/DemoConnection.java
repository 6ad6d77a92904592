package dev.statsigjdbc.assistant;

import dev.statsigjdbc.assistant.plan.OfflinePlanner;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

/**
 * The emulator's demo data behind a {@code jdbc:statsig:} connection, started once per test JVM
 * (the emulator is deterministic and the assistant only reads).
 */
public final class DemoConnection {
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  public static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private static final String KEY = "console-assistant-test";
  private static EmulatorServer emulator;
  private static Connection connection;

  private DemoConnection() {}

  public static synchronized EmulatorServer emulator() {
    if (emulator == null) {
      emulator = EmulatorServer.start(EmulatorConfig.defaults().today(TODAY).apiKey(KEY, false));
      Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
    }
    return emulator;
  }

  public static synchronized Connection connection() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection("jdbc:statsig:url=" + emulator().mcpUrl() + ";apiKey=" + KEY);
    }
    return connection;
  }

  /** A new connection to the same emulator with more properties (e.g. attached databases); the caller closes it. */
  public static Connection connection(Properties more) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(more);
    return DriverManager.getConnection("jdbc:statsig:url=" + emulator().mcpUrl() + ";apiKey=" + KEY, properties);
  }

  public static Assistant assistant() throws SQLException {
    return new Assistant(connection(), new OfflinePlanner(), CLOCK);
  }
}
