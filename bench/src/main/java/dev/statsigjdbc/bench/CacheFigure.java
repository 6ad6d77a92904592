package dev.statsigjdbc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * Figure 4: the same query repeated within the cache TTL: tool calls and per-query latency,
 * through {@code Statement.executeQuery} (planned every time, the targeted figure) and through
 * one {@code PreparedStatement} executed again (planned once), to separate planning from the cache.
 */
final class CacheFigure {
  private static final int REPEATS = 50;

  private final BenchEnvironment env;

  CacheFigure(BenchEnvironment env) {
    this.env = env;
  }

  FigureResult run() throws Exception {
    String id = env.dataset().experiments().ids().get(0);
    String sql = "SELECT id, name, status FROM experiments WHERE id = '" + id + "'";
    double[] statement = new double[REPEATS];
    double[] prepared = new double[REPEATS];
    long calls;
    long firstCalls;
    try (Connection connection = env.connect(BenchEnvironment.properties(300, 4, BenchEnvironment.UNTHROTTLED));
        PreparedStatement ps = connection.prepareStatement(sql)) {
      env.server().stats().reset();
      double first = Timer.millis(() -> Rows.readAll(connection, sql));
      firstCalls = env.server().stats().snapshot().total();
      env.server().stats().reset();
      for (int i = 0; i < REPEATS; i++) {
        statement[i] = Timer.millis(() -> Rows.readAll(connection, sql));
        prepared[i] = Timer.millis(() -> {
          try (ResultSet rs = ps.executeQuery()) {
            Rows.readAll(rs);
          }
        });
      }
      calls = env.server().stats().snapshot().total();
      System.out.printf("  [4] first run %.1f ms (%d calls); %d repeats each: %d calls, Statement p50 %.2f ms, PreparedStatement p50 %.2f ms%n",
          first, firstCalls, REPEATS, calls, Medians.median(statement), Medians.median(prepared));
    }
    double p50 = Medians.median(statement);
    double preparedP50 = Medians.median(prepared);
    return new FigureResult("4. Cache: the same query repeated " + REPEATS + " times within the TTL",
        "0 calls, p50 <= 5 ms",
        String.format("%d calls, p50 %.2f ms (PreparedStatement re-executed: %.2f ms)", calls, p50, preparedP50),
        calls == 0 && p50 <= 5,
        List.of("Query: " + sql,
            String.format("First run: %d call(s). Statement.executeQuery: p50 %.2f ms, p90 %.2f ms, max %.2f ms",
                firstCalls, p50, Medians.percentile(90, statement), Medians.percentile(100, statement)),
            String.format("One PreparedStatement executed again: p50 %.2f ms, p90 %.2f ms, max %.2f ms",
                preparedP50, Medians.percentile(90, prepared), Medians.percentile(100, prepared))));
  }
}
