package dev.statsigjdbc.bench;

import java.sql.Connection;
import java.util.List;

/**
 * Figure 2: the same list calls by a raw SDK loop and through JDBC (executeQuery + every column
 * of every row), alternated so that both see the same machine load; cache off.
 */
final class OverheadFigure {
  private static final String TOOL = "Get_List_of_Gates";
  private static final String SQL = "SELECT * FROM gates";

  private final BenchEnvironment env;
  private final int repeats;

  OverheadFigure(BenchEnvironment env, int repeats) {
    this.env = env;
    this.repeats = repeats;
  }

  FigureResult run() throws Exception {
    double[] raw = new double[repeats];
    double[] jdbc = new double[repeats];
    long[] rows = new long[2];
    long[] calls = new long[2];
    try (RawMcp client = RawMcp.open(env.server().mcpUrl());
        Connection connection = env.connect(BenchEnvironment.properties(0, 4, BenchEnvironment.UNTHROTTLED))) {
      // Warm-up: class loading and JIT, on both sides.
      client.readList(TOOL, SuiteQuery.PAGE_SIZE);
      Rows.readAll(connection, SQL);
      for (int i = 0; i < repeats; i++) {
        env.server().stats().reset();
        raw[i] = Timer.millis(() -> rows[0] = client.readList(TOOL, SuiteQuery.PAGE_SIZE));
        calls[0] = env.server().stats().snapshot().total();
        env.server().stats().reset();
        jdbc[i] = Timer.millis(() -> rows[1] = Rows.readAll(connection, SQL));
        calls[1] = env.server().stats().snapshot().total();
      }
    }
    double rawMedian = Medians.median(raw);
    double jdbcMedian = Medians.median(jdbc);
    double ratio = jdbcMedian / rawMedian;
    System.out.printf("  [2] raw %.0f ms (%d rows, %d calls), jdbc %.0f ms (%d rows, %d calls): %.3fx%n",
        rawMedian, rows[0], calls[0], jdbcMedian, rows[1], calls[1], ratio);
    return new FigureResult("2. Driver overhead: JDBC / raw SDK loop (" + SQL + ", " + calls[1] + " calls)",
        "<= 1.05x", String.format("%.3fx", ratio), ratio <= 1.05 && rows[0] == rows[1],
        List.of(String.format("Raw SDK loop: median %.1f ms, %d rows, %d calls; runs %s", rawMedian, rows[0], calls[0], fmt(raw)),
            String.format("JDBC: median %.1f ms, %d rows, %d calls; runs %s", jdbcMedian, rows[1], calls[1], fmt(jdbc))));
  }

  static String fmt(double[] values) {
    StringBuilder s = new StringBuilder("[");
    for (double v : values) {
      s.append(s.length() > 1 ? ", " : "").append(String.format("%.0f", v));
    }
    return s.append("] ms").toString();
  }
}
