package dev.statsigjdbc.adapter.exec;

import java.util.List;

/**
 * What a query's WHERE clause says about one key column: a list of values ({@code =}, {@code
 * IN}), or a range with inclusive bounds (either may be null when open).
 */
public record KeyConstraint(List<String> values, String lower, String upper) {

  public static KeyConstraint of(List<String> values) {
    return new KeyConstraint(List.copyOf(values), null, null);
  }

  public static KeyConstraint range(String lower, String upper) {
    return new KeyConstraint(null, lower, upper);
  }

  public boolean isRange() {
    return values == null;
  }

  /** Both conditions hold: lists intersect, a list wins over a range, ranges tighten. */
  public KeyConstraint and(KeyConstraint other) {
    if (!isRange() && !other.isRange()) {
      return of(values.stream().filter(other.values()::contains).toList());
    }
    if (!isRange() || !other.isRange()) {
      return isRange() ? other : this;
    }
    return range(later(lower, other.lower), earlier(upper, other.upper));
  }

  private static String later(String x, String y) {
    return x == null ? y : y == null ? x : x.compareTo(y) >= 0 ? x : y;
  }

  private static String earlier(String x, String y) {
    return x == null ? y : y == null ? x : x.compareTo(y) <= 0 ? x : y;
  }

  @Override
  public String toString() {
    if (!isRange()) {
      return values.size() == 1 ? "= '" + values.get(0) + "'" : "IN " + values;
    }
    return "BETWEEN " + (lower == null ? "-inf" : lower) + " AND " + (upper == null ? "+inf" : upper);
  }
}
