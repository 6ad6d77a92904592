package dev.statsigjdbc.bench;

import java.sql.Connection;
import java.util.List;

/** Figure 4: the same query repeated within the cache TTL: tool calls and per-query latency. */
final class CacheFigure {
  private static final int REPEATS = 50;

  private final BenchEnvironment env;

  CacheFigure(BenchEnvironment env) {
    this.env = env;
  }

  FigureResult run() throws Exception {
    String id = env.dataset().experiments().ids().get(0);
    String sql = "SELECT id, name, status FROM experiments WHERE id = '" + id + "'";
    double[] millis = new double[REPEATS];
    long calls;
    long firstCalls;
    try (Connection connection = env.connect(BenchEnvironment.properties(300, 4, BenchEnvironment.UNTHROTTLED))) {
      env.server().stats().reset();
      double first = Timer.millis(() -> Rows.readAll(connection, sql));
      firstCalls = env.server().stats().snapshot().total();
      env.server().stats().reset();
      for (int i = 0; i < REPEATS; i++) {
        millis[i] = Timer.millis(() -> Rows.readAll(connection, sql));
      }
      calls = env.server().stats().snapshot().total();
      System.out.printf("  [4] first run %.1f ms (%d calls); %d repeats: %d calls, p50 %.2f ms, p90 %.2f ms%n",
          first, firstCalls, REPEATS, calls, Medians.median(millis), Medians.percentile(90, millis));
    }
    double p50 = Medians.median(millis);
    return new FigureResult("4. Cache: the same query repeated " + REPEATS + " times within the TTL",
        "0 calls, p50 <= 5 ms", String.format("%d calls, p50 %.2f ms", calls, p50), calls == 0 && p50 <= 5,
        List.of("Query: " + sql, String.format("First run: %d call(s); repeats: p50 %.2f ms, p90 %.2f ms, max %.2f ms",
            firstCalls, p50, Medians.percentile(90, millis), Medians.percentile(100, millis))));
  }
}
