package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rex.RexNode;

/**
 * What the planner pushed into a scan: key values from the WHERE clause (by lower-case column),
 * key values that come from an enclosing row at run time (a correlated join: {@code $cor0.id}),
 * and a row limit. {@code filtered} marks a scan whose filter was already analysed.
 */
record ScanRequest(
    Map<String, KeyConstraint> keys, Map<String, RexNode> correlatedKeys, Integer fetch, boolean filtered) {

  static final ScanRequest NONE = new ScanRequest(Map.of(), Map.of(), null, false);

  /** This request plus more pushed keys (conditions are ANDed: lists of one column intersect). */
  ScanRequest withKeys(PushedKeys pushed) {
    Map<String, KeyConstraint> values = new LinkedHashMap<>(keys);
    pushed.values().forEach((column, constraint) -> values.merge(column, constraint, KeyConstraint::and));
    Map<String, RexNode> correlated = new LinkedHashMap<>(correlatedKeys);
    pushed.correlated().forEach(correlated::putIfAbsent);
    values.keySet().removeAll(correlated.keySet());
    return new ScanRequest(Map.copyOf(values), Map.copyOf(correlated), fetch, true);
  }

  ScanRequest withFetch(int rows) {
    return new ScanRequest(keys, correlatedKeys, rows, filtered);
  }

  boolean supplies(String column) {
    return keys.containsKey(column) || correlatedKeys.containsKey(column);
  }

  /** The key values with each correlated key set to the value an enclosing row supplied. */
  Map<String, KeyConstraint> keysWith(Object[] correlatedValues) {
    Map<String, KeyConstraint> all = new LinkedHashMap<>(keys);
    int i = 0;
    for (String column : correlatedKeys.keySet()) {
      Object value = correlatedValues[i++];
      // A null never equals anything: no values means no rows for that key.
      all.put(column, KeyConstraint.of(value == null ? List.of() : List.of(String.valueOf(value))));
    }
    return all;
  }

  /** The key values with correlated keys shown as their expression, for EXPLAIN. */
  Map<String, KeyConstraint> keysForExplain() {
    Map<String, KeyConstraint> all = new LinkedHashMap<>(keys);
    correlatedKeys.forEach((column, expression) -> all.put(column, KeyConstraint.of(List.of(expression.toString()))));
    return all;
  }
}
