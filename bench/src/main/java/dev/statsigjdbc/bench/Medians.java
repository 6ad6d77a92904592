package dev.statsigjdbc.bench;

import java.util.Arrays;

/** Order statistics of repeated measurements (the machine is shared: one run proves little). */
final class Medians {
  private Medians() {}

  static double median(double... values) {
    return percentile(50, values);
  }

  /** Nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
  static double percentile(double p, double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no measurements");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
