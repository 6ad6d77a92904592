package dev.statsigjdbc.bench;

import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.api.PageLimits;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 8: MCP calls of a full {@code audit_logs} scan (1,000,000 rows) beside the page-100
 * strategy other Statsig extractors use (Airbyte's source-statsig reads pages of 100), against a
 * server that serves large pages, one that caps them at 100 and one that refuses limits above
 * 100. Calls are counted, not timed: no latency, no bucket.
 */
final class ScanCallsFigure {
  static final String SQL = "SELECT id FROM audit_logs";
  /** The page size of the strategy compared against. */
  static final int PAGE_100 = 100;
  private static final double LARGE_PAGE_TARGET = 5;

  private record Server(String name, PageLimits limits) {}

  private static final List<Server> SERVERS = List.of(
      new Server("serves pages of up to 1000", PageLimits.defaults()),
      new Server("caps pages at 100 (fewer rows than asked)", PageLimits.cappedAt(PAGE_100)),
      new Server("refuses limits above 100 (400)", PageLimits.refusingAbove(PAGE_100)));

  private final BenchEnvironment env;

  ScanCallsFigure(BenchEnvironment env) {
    this.env = env;
  }

  FigureResult run() throws Exception {
    List<String> details = new ArrayList<>();
    details.add("| server | rows | page-100 calls | our calls | page-100 / ours |");
    details.add("|---|---:|---:|---:|---:|");
    double[] ratios = new double[SERVERS.size()];
    long[] extra = new long[SERVERS.size()];
    boolean complete = true;
    for (int i = 0; i < SERVERS.size(); i++) {
      Server s = SERVERS.get(i);
      long rows;
      long calls;
      try (EmulatorServer server = env.startWithPageLimits(s.limits());
          Connection connection = BenchEnvironment.connect(server, BenchEnvironment.properties(0, 4, BenchEnvironment.UNTHROTTLED))) {
        server.stats().reset();
        rows = Rows.readAll(connection, SQL);
        calls = server.stats().snapshot().total();
      }
      long page100 = (rows + PAGE_100 - 1) / PAGE_100;
      complete &= rows == env.dataset().auditLog().size();
      ratios[i] = page100 / (double) calls;
      extra[i] = calls - page100;
      details.add(String.format("| %s | %d | %d | %d | %.2fx |", s.name(), rows, page100, calls, ratios[i]));
      System.out.printf("  [8] %-45s rows=%d page-100=%d ours=%d ratio=%.2fx%n", s.name(), rows, page100, calls, ratios[i]);
    }
    details.add("A refused limit costs one call (the 400) before the scan falls back to pages of 100 for the rest of the connection.");
    boolean pass = complete && ratios[0] >= LARGE_PAGE_TARGET && extra[1] == 0 && extra[2] <= 1;
    return new FigureResult("8. Calls of a 1,000,000-row scan: page-100 strategy / ours",
        ">= " + LARGE_PAGE_TARGET + "x where large pages are served; equal where capped at 100 (one more call where refused)",
        String.format("%.2fx; capped: %.2fx; refused: %.2fx", ratios[0], ratios[1], ratios[2]), pass, details);
  }
}
