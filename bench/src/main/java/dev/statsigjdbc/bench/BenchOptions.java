package dev.statsigjdbc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The harness's command line: {@code --latency-ms N} (injected per MCP call, default 20),
 * {@code --rtt-ms N} (the round trip of the hosted-conditions figure, default 100),
 * {@code --repeats N} (runs per timed figure, medians taken, default 5), {@code --out DIR}
 * (results.md / results.json, default bench/target), {@code --only 1,3} (figures to run).
 */
record BenchOptions(long latencyMillis, long hostedRoundTripMillis, int repeats, Path outDir, List<Integer> figures) {

  static final int FIGURES = 8;
  static final String USAGE = "usage: BenchMain [--latency-ms 20] [--rtt-ms 100] [--repeats 5] [--out bench/target]"
      + " [--only 1,2,3,4,5,6,7,8]";

  static BenchOptions parse(String... args) {
    long latency = 20;
    long roundTrip = 100;
    int repeats = 5;
    Path out = Path.of("bench", "target");
    List<Integer> figures = IntStream.rangeClosed(1, FIGURES).boxed().toList();
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
        case "--rtt-ms" -> roundTrip = number(flag, value, 1);
        case "--repeats" -> repeats = (int) number(flag, value, 1);
        case "--out" -> out = Path.of(value);
        case "--only" -> figures = figures(value);
        default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
      }
    }
    return new BenchOptions(latency, roundTrip, repeats, out, figures);
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
      if (n > FIGURES) {
        throw new IllegalArgumentException("--only takes figure numbers 1 to " + FIGURES + ", not " + n);
      }
      out.add(n);
    }
    return List.copyOf(out);
  }
}
