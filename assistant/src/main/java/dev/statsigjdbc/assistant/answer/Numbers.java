package dev.statsigjdbc.assistant.answer;

import java.util.Locale;

/** How numbers read in summaries. */
final class Numbers {
  private Numbers() {}

  static String count(double n) {
    return String.format(Locale.ROOT, "%,d", Math.round(n));
  }

  /** A change in percent with its sign: +6.3%. */
  static String change(double percent) {
    return String.format(Locale.ROOT, "%+.1f%%", percent);
  }

  static String share(double part, double whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
  }

  static String pValue(double p) {
    return p < 0.0001 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
  }

  static String value(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
