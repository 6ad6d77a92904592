package dev.statsigjdbc.adapter.catalog;

import java.util.Map;

/**
 * Runs another table's plans and keeps their bindings (Steampipe's parent hydrate).
 *
 * @param keys parent key column to this table's key column, e.g. {@code id -> experiment_id}
 */
public record ParentSpec(String table, Map<String, String> keys) {

  public ParentSpec {
    keys = keys == null ? Map.of() : Map.copyOf(keys);
  }
}
