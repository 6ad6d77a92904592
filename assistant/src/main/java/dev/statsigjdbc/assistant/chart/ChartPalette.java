package dev.statsigjdbc.assistant.chart;

import java.awt.Color;
import java.util.List;

/**
 * The colours of every chart, PNG and Vega-Lite alike: series by position (the first series is the
 * same blue everywhere), and experiment results by verdict.
 */
public final class ChartPalette {
  /** Series colours in order (Tableau 10, as Vega's default category scale). */
  public static final List<String> SERIES = List.of("#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#eeca3b",
      "#b279a2", "#ff9da6", "#9d755d", "#bab0ac");
  public static final String INCREASE = "#1b7837";
  public static final String DECREASE = "#b2182b";
  public static final String NOT_SIGNIFICANT = "#8c8c8c";
  /** The verdicts a result is coloured by, in legend order, with their colours in {@link #VERDICT_COLOURS}. */
  public static final List<String> VERDICTS = List.of("significant increase", "significant decrease", "not significant");
  public static final List<String> VERDICT_COLOURS = List.of(INCREASE, DECREASE, NOT_SIGNIFICANT);

  private ChartPalette() {}

  /** A change is significant when its interval excludes zero. */
  public static String verdict(double change, double halfWidth) {
    if (Math.abs(change) <= halfWidth) {
      return VERDICTS.get(2);
    }
    return change > 0 ? VERDICTS.get(0) : VERDICTS.get(1);
  }

  static Color colour(String hex) {
    return Color.decode(hex);
  }

  static Color seriesColour(int index) {
    return colour(SERIES.get(index % SERIES.size()));
  }

  static Color verdictColour(String verdict) {
    return colour(VERDICT_COLOURS.get(VERDICTS.indexOf(verdict)));
  }
}
