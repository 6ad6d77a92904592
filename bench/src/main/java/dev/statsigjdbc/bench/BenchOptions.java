package dev.statsigjdbc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's command line: {@code --latency-ms N} (injected per MCP call, default 20),
 * {@code --repeats N} (runs per timed figure, medians taken, default 5), {@code --out DIR}
 * (results.md / results.json, default bench/target), {@code --only 1,3} (figures to run).
 */
record BenchOptions(long latencyMillis, int repeats, Path outDir, List<Integer> figures) {

  static final String USAGE = "usage: BenchMain [--latency-ms 20] [--repeats 5] [--out bench/target] [--only 1,2,3,4,5,6]";

  static BenchOptions parse(String... args) {
    long latency = 20;
    int repeats = 5;
    Path out = Path.of("bench", "target");
    List<Integer> figures = List.of(1, 2, 3, 4, 5, 6);
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (flag) {
        case "--latency-ms" -> latency = number(flag, value, 0);
        case "--repeats" -> repeats = (int) number(flag, value, 1);
        case "--out" -> out = Path.of(value);
        case "--only" -> figures = figures(value);
        default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
      }
    }
    return new BenchOptions(latency, repeats, out, figures);
  }

  boolean runs(int figure) {
    return figures.contains(figure);
  }

  private static long number(String flag, String value, long minimum) {
    try {
      long n = Long.parseLong(value);
      if (n >= minimum) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " takes a whole number of at least " + minimum + ", not '" + value + "'");
  }

  private static List<Integer> figures(String value) {
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",")) {
      int n = (int) number("--only", part.strip(), 1);
      if (n > 6) {
        throw new IllegalArgumentException("--only takes figure numbers 1 to 6, not " + n);
      }
      out.add(n);
    }
    return List.copyOf(out);
  }
}
