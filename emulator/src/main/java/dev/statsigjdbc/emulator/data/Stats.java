package dev.statsigjdbc.emulator.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

/** The few normal-distribution functions a two-sample z-test needs. */
public final class Stats {
  private Stats() {}

  /** Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26 on erf, error below 1e-7). */
  public static double normalCdf(double x) {
    double tail = upperTail(Math.abs(x));
    return x >= 0 ? 1 - tail : tail;
  }

  /** Two-sided p-value of a z statistic; computed from the tail itself so that it stays positive for large z. */
  public static double twoSidedP(double z) {
    return Math.min(1.0, 2 * upperTail(Math.abs(z)));
  }

  /** P(Z > x) for x >= 0. */
  private static double upperTail(double x) {
    double z = x / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * z);
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return 0.5 * poly * Math.exp(-z * z);
  }

  /** Critical z of a two-sided interval at a confidence level in percent (95 -> 1.96), by bisection. */
  public static double criticalZ(double confidencePercent) {
    double target = 1 - (1 - confidencePercent / 100) / 2;
    double lo = 0;
    double hi = 10;
    for (int i = 0; i < 80; i++) {
      double mid = (lo + hi) / 2;
      if (normalCdf(mid) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** A draw from N(0,1) clipped to [-limit, limit]. */
  public static double gaussian(SplittableRandom r, double limit) {
    double u1 = 1 - r.nextDouble();
    double u2 = r.nextDouble();
    double g = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(-limit, Math.min(limit, g));
  }

  /** Rounds to a number of significant digits (for p-values, which span many orders of magnitude). */
  public static double significant(double value, int digits) {
    return new BigDecimal(value).round(new MathContext(digits)).doubleValue();
  }

  /** Rounds to a fixed number of significant decimals so that outputs stay short and stable. */
  public static double round(double value, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(value * f) / f;
  }
}
