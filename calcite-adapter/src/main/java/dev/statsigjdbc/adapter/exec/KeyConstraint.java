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

  @Override
  public String toString() {
    if (!isRange()) {
      return values.size() == 1 ? "= '" + values.get(0) + "'" : "IN " + values;
    }
    return "BETWEEN " + (lower == null ? "-inf" : lower) + " AND " + (upper == null ? "+inf" : upper);
  }
}
