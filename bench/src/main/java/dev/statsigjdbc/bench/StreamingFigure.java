package dev.statsigjdbc.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 5: a full {@code audit_logs} scan read through the ResultSet in a child JVM with
 * -Xmx256m, twice: end to end against the emulator (in this JVM, building every page while the
 * scan runs), and against responses replayed from memory in the child ({@link ReplayMcpServer}),
 * which leaves the driver's own cost. The child's CPU time per row is the driver's cost whatever
 * the server does. Statsig's bucket would cap any client at about 10 calls/s, so the driver's
 * bucket is lifted here: the figure measures the driver's own throughput and memory.
 */
final class StreamingFigure {
  static final String HEAP = "-Xmx256m";
  private static final long TIMEOUT_MINUTES = 10;
  private static final String TARGET = "completes, >= 200,000 rows/s replayed, live heap < 256 MB";

  private final BenchEnvironment env;

  StreamingFigure(BenchEnvironment env) {
    this.env = env;
  }

  private record Scan(long rows, long millis, long cpuNanos, double liveMb, double maxMb, long calls) {
    double rowsPerSecond() {
      return rows * 1000.0 / millis;
    }

    double cpuMicrosPerRow() {
      return cpuNanos / 1000.0 / rows;
    }
  }

  FigureResult run() throws Exception {
    Scan endToEnd;
    Scan replayed;
    try {
      endToEnd = child(false);
      replayed = child(true);
    } catch (IllegalStateException failed) {
      return new FigureResult("5. Streaming: audit_logs scan with " + HEAP, TARGET, "did not complete: " + failed.getMessage(),
          false, List.of());
    }
    long expected = env.dataset().auditLog().size();
    boolean complete = endToEnd.rows() == expected && replayed.rows() == expected;
    double liveMb = Math.max(endToEnd.liveMb(), replayed.liveMb());
    System.out.printf("  [5] end to end %d rows in %d ms (%.0f rows/s, %d calls, driver CPU %.2f us/row); replayed %.0f rows/s"
        + " (driver CPU %.2f us/row); peak live heap %.0f MB%n", endToEnd.rows(), endToEnd.millis(), endToEnd.rowsPerSecond(),
        endToEnd.calls(), endToEnd.cpuMicrosPerRow(), replayed.rowsPerSecond(), replayed.cpuMicrosPerRow(), liveMb);
    return new FigureResult("5. Streaming: " + expected + "-row audit_logs scan, " + HEAP, TARGET,
        String.format("%s; replayed %.0f rows/s (driver CPU %.1f us/row); end to end %.0f rows/s; peak live heap %.0f MB",
            complete ? "completes" : "INCOMPLETE", replayed.rowsPerSecond(), replayed.cpuMicrosPerRow(),
            endToEnd.rowsPerSecond(), liveMb),
        complete && replayed.rowsPerSecond() >= 200_000 && liveMb < 256,
        List.of(String.format("End to end (emulator in the parent JVM, %d ms per call): %d of %d rows in %d ms, %d tool calls;"
                + " the child's CPU %.2f us per row; peak heap live after collections %.1f MB (LiveHeap), max heap %.0f MB",
                env.latencyMillis(), endToEnd.rows(), expected, endToEnd.millis(), endToEnd.calls(), endToEnd.cpuMicrosPerRow(),
                endToEnd.liveMb(), endToEnd.maxMb()),
            String.format("Replayed from memory (%d distinct pages recorded from the emulator, replayed as bytes, no latency):"
                + " %d rows in %d ms; the child's CPU %.2f us per row (the replaying server's share included); peak live heap %.1f MB",
                ReplayMcpServer.DISTINCT_PAGES, replayed.rows(), replayed.millis(), replayed.cpuMicrosPerRow(), replayed.liveMb())));
  }

  private Scan child(boolean replay) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), HEAP,
        "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(),
        BenchEnvironment.jdbcUrl(env.server()), Integer.toString(BenchEnvironment.UNTHROTTLED)));
    if (replay) {
      command.add(StreamingProbe.REPLAY);
    }
    env.server().stats().reset();
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || child.exitValue() != 0) {
      child.destroyForcibly();
      throw new IllegalStateException((replay ? "replayed: " : "end to end: ") + output);
    }
    Map<String, Long> values = parse(output.lines().reduce((a, b) -> b).orElse(""));
    return new Scan(values.get("rows"), values.get("millis"), values.get("cpuNanos"), values.get("liveHeapBytes") / 1048576.0,
        values.get("maxHeapBytes") / 1048576.0, env.server().stats().snapshot().total());
  }

  private static Map<String, Long> parse(String line) {
    Map<String, Long> out = new HashMap<>();
    for (String part : line.split(" ")) {
      String[] kv = part.split("=", 2);
      if (kv.length == 2) {
        out.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    for (String key : List.of("rows", "millis", "cpuNanos", "liveHeapBytes", "maxHeapBytes")) {
      if (!out.containsKey(key)) {
        throw new IllegalStateException("the streaming probe printed no " + key + ": '" + line + "'");
      }
    }
    return out;
  }
}
