package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlKind;

/**
 * What the planner pushed into a scan: key values from the WHERE clause (by lower-case column),
 * key conditions evaluated when the query runs (a correlated join's {@code $cor0.id}, {@code
 * CURRENT_DATE - INTERVAL '7' DAY}), and a row limit. {@code filtered} marks a scan whose filter
 * was already analysed.
 */
record ScanRequest(
    Map<String, KeyConstraint> keys, List<RunTimeKey> runTimeKeys, Integer fetch, boolean filtered) {

  static final ScanRequest NONE = new ScanRequest(Map.of(), List.of(), null, false);

  /** This request plus more pushed keys (conditions are ANDed: lists of one column intersect). */
  ScanRequest withKeys(PushedKeys pushed) {
    Map<String, KeyConstraint> values = new LinkedHashMap<>(keys);
    pushed.values().forEach((column, constraint) -> values.merge(column, constraint, KeyConstraint::and));
    List<RunTimeKey> runTime = new ArrayList<>(runTimeKeys);
    pushed.runTime().stream().filter(key -> !runTime.contains(key)).forEach(runTime::add);
    return new ScanRequest(Map.copyOf(values), List.copyOf(runTime), fetch, true);
  }

  ScanRequest withFetch(int rows) {
    return new ScanRequest(keys, runTimeKeys, rows, filtered);
  }

  boolean supplies(String column) {
    return keys.containsKey(column) || runTimeKeys.stream().anyMatch(key -> key.column().equals(column));
  }

  /** The key values with each run-time condition applied to the value it had (in {@link #runTimeKeys} order). */
  Map<String, KeyConstraint> keysWith(Object[] runTimeValues) {
    Map<String, KeyConstraint> all = new LinkedHashMap<>(keys);
    for (int i = 0; i < runTimeKeys.size(); i++) {
      RunTimeKey key = runTimeKeys.get(i);
      all.merge(key.column(), key.constraint(runTimeValues[i]), KeyConstraint::and);
    }
    return all;
  }

  /** The key values with run-time conditions shown as their expressions, for EXPLAIN. */
  Map<String, KeyConstraint> keysForExplain() {
    Map<String, KeyConstraint> all = new LinkedHashMap<>(keys);
    runTimeKeys.forEach(key -> all.merge(key.column(), key.described(), KeyConstraint::and));
    return all;
  }

  /** For EXPLAIN's calls: each run-time condition as one symbolic value (a range's days are known only then). */
  Map<String, KeyConstraint> keysForCalls() {
    Map<String, KeyConstraint> all = new LinkedHashMap<>(keys);
    runTimeKeys.forEach(key -> all.put(key.column(), key.kind() == SqlKind.EQUALS ? key.described()
        : KeyConstraint.of(List.of("<each day of the range>"))));
    return all;
  }
}
