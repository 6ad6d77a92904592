package dev.statsigjdbc.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Figure 5's child JVM (started with -Xmx256m): scans every audit log entry through the
 * ResultSet and prints one line {@code rows=N millis=M cpuNanos=C liveHeapBytes=L maxHeapBytes=X}.
 * Only the driver runs here; the emulator stays in the parent, so the heap and the CPU time
 * measured are the driver's. With {@code replay}, the scan reads from a {@link ReplayMcpServer}
 * in this JVM that answers from memory what it recorded from the emulator, after one scan that
 * records and warms up: the driver's own cost, with no server building pages meanwhile.
 */
public final class StreamingProbe {
  static final String SQL = "SELECT * FROM audit_logs";
  static final String REPLAY = "replay";

  private StreamingProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3 || args.length == 3 && !args[2].equals(REPLAY)) {
      System.err.println("usage: StreamingProbe <jdbc url> <requestsPer10Seconds> [" + REPLAY + "]");
      System.exit(2);
    }
    Properties properties = BenchEnvironment.properties(0, 8, Integer.parseInt(args[1]));
    if (args.length == 3) {
      String emulatorUrl = args[0].substring("jdbc:statsig:url=".length());
      try (RawMcp recorder = RawMcp.open(emulatorUrl);
          ReplayMcpServer replay = new ReplayMcpServer(recorder.initializeResultJson(), recorder.toolsResultJson(),
              recorder::callResultJson)) {
        String url = "jdbc:statsig:url=" + replay.mcpUrl();
        scan(url, properties);
        measure(url, properties);
      }
    } else {
      measure(args[0], properties);
    }
  }

  private static void measure(String url, Properties properties) throws Exception {
    LiveHeap live = LiveHeap.sample();
    long cpuBefore = cpuNanos();
    long start = System.nanoTime();
    long rows;
    try {
      rows = scan(url, properties);
    } finally {
      live.stop();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpu = cpuNanos() - cpuBefore;
    System.out.println("rows=" + rows + " millis=" + millis + " cpuNanos=" + cpu + " liveHeapBytes=" + live.peakBytes()
        + " maxHeapBytes=" + Runtime.getRuntime().maxMemory());
  }

  private static long scan(String url, Properties properties) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, properties);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(SQL)) {
      return Rows.readAll(rs);
    }
  }

  /** CPU time of this whole JVM (every thread, the JIT and GC included). */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
