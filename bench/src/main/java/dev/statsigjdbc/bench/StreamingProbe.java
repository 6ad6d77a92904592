package dev.statsigjdbc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Figure 5's child JVM (started with -Xmx256m): scans every audit log entry through the
 * ResultSet and prints one line {@code rows=N millis=M peakHeapBytes=P maxHeapBytes=X}. Only the
 * driver runs here; the emulator stays in the parent, so the heap measured is the driver's.
 */
public final class StreamingProbe {
  static final String SQL = "SELECT * FROM audit_logs";

  private StreamingProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: StreamingProbe <jdbc url> <requestsPer10Seconds>");
      System.exit(2);
    }
    Properties properties = BenchEnvironment.properties(0, 8, Integer.parseInt(args[1]));
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long rows;
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(args[0], properties);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(SQL)) {
      rows = Rows.readAll(rs);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("rows=" + rows + " millis=" + millis + " peakHeapBytes=" + peak
        + " maxHeapBytes=" + Runtime.getRuntime().maxMemory());
  }
}
