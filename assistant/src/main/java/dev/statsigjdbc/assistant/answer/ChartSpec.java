package dev.statsigjdbc.assistant.answer;

import java.util.List;

/**
 * One chart, independent of how it is drawn: renderers turn it into a PNG or Vega-Lite.
 *
 * @param categories x values: category labels for BAR and LIFT, ISO dates for LINE
 * @param series one or more named value lists, each as long as {@code categories}
 * @param intervals for LIFT only: the half-width of each value's confidence interval
 */
public record ChartSpec(Kind kind, String title, String xLabel, String yLabel, List<String> categories,
    List<Series> series, List<Double> intervals) {

  public enum Kind {
    /** A categorical split. */
    BAR,
    /** A series over time. */
    LINE,
    /** Experiment results: the change with its confidence interval per metric and group (a forest plot). */
    LIFT,
    /** One number (a series of a single day): shown as a value, not as a one-point line. */
    VALUE,
    /** Nothing else fits: the rows are the picture. */
    TABLE
  }

  public record Series(String name, List<Double> values) {
    public Series {
      values = List.copyOf(values);
    }
  }

  public ChartSpec {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    intervals = intervals == null ? List.of() : List.copyOf(intervals);
    if (kind == Kind.LIFT && intervals.size() != categories.size()) {
      throw new IllegalArgumentException("a lift chart needs one interval per category");
    }
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values for "
            + categories.size() + " categories");
      }
    }
  }

  public static ChartSpec table(String title) {
    return new ChartSpec(Kind.TABLE, title, null, null, List.of(), List.of(), List.of());
  }
}
