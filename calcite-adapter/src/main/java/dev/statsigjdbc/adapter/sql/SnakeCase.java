package dev.statsigjdbc.adapter.sql;

import java.util.Locale;

/** {@code lastModifiedTime} to {@code last_modified_time}, {@code groupID} to {@code group_id}. */
final class SnakeCase {

  private SnakeCase() {}

  static String of(String name) {
    return name.replaceAll("([\\p{Ll}\\d])(\\p{Lu})", "$1_$2")
        .replaceAll("(\\p{Lu})(\\p{Lu}\\p{Ll})", "$1_$2")
        .replaceAll("[^\\p{L}\\d]+", "_")
        .toLowerCase(Locale.ROOT);
  }
}
