package dev.statsigjdbc.bench;

import java.sql.Connection;
import java.util.List;

/**
 * Figure 6: time to a usable JDBC connection (API key stored in the connection properties) vs
 * the raw SDK's initialize + tools/list, alternated run by run.
 */
final class ConnectFigure {
  private final BenchEnvironment env;
  private final int repeats;

  ConnectFigure(BenchEnvironment env, int repeats) {
    this.env = env;
    this.repeats = Math.max(repeats, 5) * 2;
  }

  FigureResult run() throws Exception {
    double[] raw = new double[repeats];
    double[] jdbc = new double[repeats];
    String url = env.server().mcpUrl();
    // Warm-up: class loading of both paths.
    openRaw(url);
    openJdbc();
    for (int i = 0; i < repeats; i++) {
      raw[i] = Timer.millis(() -> openRaw(url));
      jdbc[i] = Timer.millis(this::openJdbc);
    }
    double rawMedian = Medians.median(raw);
    double jdbcMedian = Medians.median(jdbc);
    double ratio = jdbcMedian / rawMedian;
    System.out.printf("  [6] raw initialize + tools/list %.1f ms, JDBC connect %.1f ms: %.2fx%n", rawMedian, jdbcMedian, ratio);
    return new FigureResult("6. Connection open: JDBC / raw initialize + tools/list", "<= 1.2x",
        String.format("%.2fx (%.0f vs %.0f ms)", ratio, jdbcMedian, rawMedian), ratio <= 1.2,
        List.of("Raw SDK: " + OverheadFigure.fmt(raw), "JDBC: " + OverheadFigure.fmt(jdbc)));
  }

  private static void openRaw(String url) {
    try (RawMcp client = RawMcp.open(url)) {
      if (client.listTools() == 0) {
        throw new IllegalStateException("the emulator listed no tools");
      }
    }
  }

  private void openJdbc() throws Exception {
    try (Connection connection = env.connect(BenchEnvironment.properties(300, 4, 90))) {
      if (!connection.isValid(5)) {
        throw new IllegalStateException("the JDBC connection is not usable");
      }
    }
  }
}
