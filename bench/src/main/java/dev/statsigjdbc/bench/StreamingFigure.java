package dev.statsigjdbc.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Figure 5: a full {@code audit_logs} scan read through the ResultSet in a child JVM with
 * -Xmx256m. Statsig's bucket would cap any client at about 10 calls/s, so the driver's bucket is
 * lifted here: the figure measures the driver's own throughput and memory.
 */
final class StreamingFigure {
  static final String HEAP = "-Xmx256m";
  private static final long TIMEOUT_MINUTES = 10;

  private final BenchEnvironment env;

  StreamingFigure(BenchEnvironment env) {
    this.env = env;
  }

  FigureResult run() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), HEAP,
        "-cp", System.getProperty("java.class.path"), StreamingProbe.class.getName(),
        BenchEnvironment.jdbcUrl(env.server()), Integer.toString(BenchEnvironment.UNTHROTTLED)));
    env.server().stats().reset();
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || child.exitValue() != 0) {
      child.destroyForcibly();
      return new FigureResult("5. Streaming: audit_logs scan with " + HEAP, "completes, >= 200,000 rows/s, heap < 256 MB",
          "did not complete: " + output, false, List.of("Child: " + String.join(" ", command.subList(0, 2))));
    }
    Map<String, Long> values = parse(output.lines().reduce((a, b) -> b).orElse(""));
    long rows = values.get("rows");
    long millis = values.get("millis");
    long calls = env.server().stats().snapshot().total();
    double rowsPerSecond = rows * 1000.0 / millis;
    double peakMb = values.get("peakHeapBytes") / 1048576.0;
    double maxMb = values.get("maxHeapBytes") / 1048576.0;
    boolean complete = rows == env.dataset().auditLog().size();
    System.out.printf("  [5] %d rows in %d ms (%.0f rows/s), %d calls, peak heap %.0f MB of %.0f MB%n",
        rows, millis, rowsPerSecond, calls, peakMb, maxMb);
    return new FigureResult("5. Streaming: " + rows + "-row audit_logs scan, " + HEAP,
        "completes, >= 200,000 rows/s, heap < 256 MB",
        String.format("%s, %.0f rows/s, peak heap %.0f MB", complete ? "completes" : "INCOMPLETE", rowsPerSecond, peakMb),
        complete && rowsPerSecond >= 200_000 && peakMb < 256,
        List.of(String.format("%d of %d rows in %d ms, %d tool calls; peak used heap %.1f MB (sum of heap pools' peaks), max heap %.0f MB",
            rows, env.dataset().auditLog().size(), millis, calls, peakMb, maxMb)));
  }

  private static Map<String, Long> parse(String line) {
    Map<String, Long> out = new HashMap<>();
    for (String part : line.split(" ")) {
      String[] kv = part.split("=", 2);
      if (kv.length == 2) {
        out.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    for (String key : List.of("rows", "millis", "peakHeapBytes", "maxHeapBytes")) {
      if (!out.containsKey(key)) {
        throw new IllegalStateException("the streaming probe printed no " + key + ": '" + line + "'");
      }
    }
    return out;
  }
}
