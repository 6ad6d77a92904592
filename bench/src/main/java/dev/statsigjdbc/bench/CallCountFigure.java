package dev.statsigjdbc.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Figure 1: tool calls the emulator served per query against the minimum; each query on a fresh connection (cold cache). */
final class CallCountFigure {
  private final BenchEnvironment env;

  CallCountFigure(BenchEnvironment env) {
    this.env = env;
  }

  FigureResult run() throws Exception {
    List<String> details = new ArrayList<>();
    details.add("| query | rows | minimum calls | actual calls | actual/min | minimum counted as |");
    details.add("|---|---:|---:|---:|---:|---|");
    double worst = 0;
    for (SuiteQuery query : CallCountSuite.queries(env.dataset())) {
      long rows;
      long calls;
      try (Connection connection = env.connect(BenchEnvironment.properties(300, 4, BenchEnvironment.UNTHROTTLED))) {
        env.server().stats().reset();
        rows = Rows.readAll(connection, query.sql());
        calls = env.server().stats().snapshot().total();
      }
      double ratio = calls / (double) query.minimumCalls();
      worst = Math.max(worst, ratio);
      details.add(String.format("| %s | %d | %d | %d | %.2f | %s |", query.name(), rows, query.minimumCalls(), calls, ratio, query.why()));
      System.out.printf("  [1] %-38s rows=%-6d min=%-5d actual=%-5d ratio=%.2f%n", query.name(), rows, query.minimumCalls(), calls, ratio);
    }
    return new FigureResult("1. MCP calls per query / minimum (worst of " + (details.size() - 2) + " queries)",
        "1.00 for every query", String.format("%.2f", worst), worst <= 1.0, details);
  }
}
