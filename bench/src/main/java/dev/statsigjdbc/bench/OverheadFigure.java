package dev.statsigjdbc.bench;

import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;

/**
 * Figure 2: the same list calls by a raw SDK loop and through JDBC (executeQuery + every column
 * of every row), alternated so that both see the same machine load; cache off. Both read pages
 * of 100 (Statsig's default), so that the figure weighs the driver's cost per call as it always
 * has (figure 5 weighs its cost per row). The targeted ratio uses maxConcurrency 1, the raw
 * loop's own call pattern (one page after another); the default concurrency (pages read ahead)
 * is reported beside it.
 */
final class OverheadFigure {
  private static final String TOOL = "Get_List_of_Gates";
  private static final String SQL = "SELECT * FROM gates";
  private static final int PAGE_SIZE = 100;

  private final BenchEnvironment env;
  private final int repeats;

  OverheadFigure(BenchEnvironment env, int repeats) {
    this.env = env;
    this.repeats = repeats;
  }

  FigureResult run() throws Exception {
    double[] raw = new double[repeats];
    double[] jdbc = new double[repeats];
    double[] readAhead = new double[repeats];
    long[] rows = new long[3];
    long[] calls = new long[3];
    try (RawMcp client = RawMcp.open(env.server().mcpUrl());
        Connection serial = env.connect(pagesOf100(1));
        Connection parallel = env.connect(pagesOf100(4))) {
      // Warm-up: class loading and JIT, on every side.
      client.readList(TOOL, PAGE_SIZE);
      Rows.readAll(serial, SQL);
      Rows.readAll(parallel, SQL);
      for (int i = 0; i < repeats; i++) {
        raw[i] = counted(0, rows, calls, () -> rows[0] = client.readList(TOOL, PAGE_SIZE));
        jdbc[i] = counted(1, rows, calls, () -> rows[1] = Rows.readAll(serial, SQL));
        readAhead[i] = counted(2, rows, calls, () -> rows[2] = Rows.readAll(parallel, SQL));
      }
    }
    double rawMedian = Medians.median(raw);
    double jdbcMedian = Medians.median(jdbc);
    double ratio = jdbcMedian / rawMedian;
    double aheadRatio = Medians.median(readAhead) / rawMedian;
    System.out.printf("  [2] raw %.0f ms (%d rows, %d calls), jdbc %.0f ms (%d rows, %d calls): %.3fx; default concurrency 4: %.3fx%n",
        rawMedian, rows[0], calls[0], jdbcMedian, rows[1], calls[1], ratio, aheadRatio);
    return new FigureResult("2. Driver overhead: JDBC / raw SDK loop (" + SQL + ", " + calls[1] + " calls, one at a time)",
        "<= 1.05x", String.format("%.3fx (%.3fx with pages read ahead)", ratio, aheadRatio),
        ratio <= 1.05 && rows[0] == rows[1] && calls[0] == calls[1],
        List.of(String.format("Raw SDK loop: median %.1f ms, %d rows, %d calls; runs %s", rawMedian, rows[0], calls[0], fmt(raw)),
            String.format("JDBC, maxConcurrency 1: median %.1f ms, %d rows, %d calls; runs %s", jdbcMedian, rows[1], calls[1], fmt(jdbc)),
            String.format("JDBC, maxConcurrency 4 (default; pages read ahead): median %.1f ms, %d rows, %d calls; runs %s",
                Medians.median(readAhead), rows[2], calls[2], fmt(readAhead))));
  }

  private static Properties pagesOf100(int maxConcurrency) {
    Properties properties = BenchEnvironment.properties(0, maxConcurrency, BenchEnvironment.UNTHROTTLED);
    StatsigProperty.PAGE_SIZE.set(properties, Integer.toString(PAGE_SIZE));
    return properties;
  }

  /** Times one read, counting the tool calls it caused into {@code calls[slot]}. */
  private double counted(int slot, long[] rows, long[] calls, Timer.Action action) throws Exception {
    env.server().stats().reset();
    double millis = Timer.millis(action);
    calls[slot] = env.server().stats().snapshot().total();
    return millis;
  }

  static String fmt(double[] values) {
    StringBuilder s = new StringBuilder("[");
    for (double v : values) {
      s.append(s.length() > 1 ? ", " : "").append(String.format("%.0f", v));
    }
    return s.append("] ms").toString();
  }
}
