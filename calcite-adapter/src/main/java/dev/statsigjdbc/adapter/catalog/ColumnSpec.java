package dev.statsigjdbc.adapter.catalog;

import java.util.List;

/**
 * A column: its SQL type and where its value is, as {@code binding.path} with alternates (first
 * non-null wins), so that camelCase and snake_case payloads both fill it.
 */
public record ColumnSpec(String name, ColumnType type, List<String> paths, String remarks) {

  public ColumnSpec {
    paths = List.copyOf(paths);
  }
}
