package dev.statsigjdbc.adapter.catalog;

import java.util.List;

/**
 * A column whose value a query can hand to the tools (Steampipe's key column).
 *
 * @param operators which predicates are taken: {@code =}, {@code IN}, {@code RANGE} (a bounded
 *     date range, expanded to one value per day)
 * @param required whether a query without it fails (instead of listing everything)
 * @param maxValues at most this many values (days of a range, ids of an IN list) per query
 */
public record KeySpec(String column, List<String> operators, boolean required, Integer maxValues) {

  public KeySpec {
    operators = operators == null ? List.of("=") : List.copyOf(operators);
  }

  public boolean accepts(String operator) {
    return operators.contains(operator);
  }

  public int valueLimit() {
    return maxValues == null ? 100 : maxValues;
  }
}
