package dev.statsigjdbc.adapter.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One curated table, as written in {@code statsig-tables.json}: the key columns a query may
 * supply, the plans that produce rows (tried in order, the first whose keys are supplied wins),
 * and the columns read from what the plan bound.
 *
 * @param example a WHERE clause shown when a required key is missing
 */
public record TableSpec(
    String name, String remarks, String example, List<KeySpec> keys, List<PlanSpec> plans, List<ColumnSpec> columns) {

  public TableSpec {
    keys = keys == null ? List.of() : List.copyOf(keys);
    plans = List.copyOf(plans);
    columns = List.copyOf(columns);
  }

  public Optional<KeySpec> key(String column) {
    return keys.stream().filter(k -> k.column().equalsIgnoreCase(column)).findFirst();
  }

  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }
}
