package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.util.Map;

/**
 * What the planner pushed into a scan: key values from the WHERE clause (by lower-case column)
 * and a row limit. {@code filtered} marks a scan whose filter was already analysed.
 */
record ScanRequest(Map<String, KeyConstraint> keys, Integer fetch, boolean filtered) {

  static final ScanRequest NONE = new ScanRequest(Map.of(), null, false);

  ScanRequest withKeys(Map<String, KeyConstraint> pushed) {
    return new ScanRequest(Map.copyOf(pushed), fetch, true);
  }

  ScanRequest withFetch(int rows) {
    return new ScanRequest(keys, rows, filtered);
  }
}
