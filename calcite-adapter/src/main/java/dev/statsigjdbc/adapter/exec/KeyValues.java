package dev.statsigjdbc.adapter.exec;

import dev.statsigjdbc.adapter.catalog.KeySpec;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key values a query supplies, checked against the table's key columns: lists as given,
 * bounded date ranges expanded to one value per day. Keys the table does not take are ignored
 * (Calcite filters them).
 */
final class KeyValues {

  private final Map<String, List<String>> values;

  private KeyValues(Map<String, List<String>> values) {
    this.values = values;
  }

  static KeyValues from(TableSpec table, Map<String, KeyConstraint> constraints) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (KeySpec key : table.keys()) {
      KeyConstraint constraint = constraints.get(key.column().toLowerCase(Locale.ROOT));
      List<String> usable = constraint == null ? null : usableValues(table, key, constraint);
      if (usable != null && usable.size() > key.valueLimit() && !key.required()) {
        // Over an optional key's cap the table is listed instead and Calcite filters the rows.
        continue;
      }
      if (usable != null) {
        if (usable.size() > key.valueLimit()) {
          throw tooMany(table, key, usable.size());
        }
        values.put(key.column(), usable);
      } else if (key.required()) {
        throw missing(table, key, constraint);
      }
    }
    return new KeyValues(values);
  }

  private static List<String> usableValues(TableSpec table, KeySpec key, KeyConstraint constraint) {
    if (!constraint.isRange()) {
      boolean single = constraint.values().size() == 1;
      // No entity has an empty id or name: '' matches no row, and the tools refuse it.
      return key.accepts(single ? "=" : "IN") ? constraint.values().stream().filter(v -> !v.isEmpty()).toList() : null;
    }
    if (!key.accepts("RANGE") || constraint.lower() == null || constraint.upper() == null) {
      return null;
    }
    try {
      LocalDate from = LocalDate.parse(constraint.lower());
      LocalDate to = LocalDate.parse(constraint.upper());
      long dayCount = ChronoUnit.DAYS.between(from, to) + 1;
      if (dayCount > key.valueLimit() && key.required()) {
        throw tooMany(table, key, dayCount);
      }
      List<String> days = new ArrayList<>();
      for (LocalDate day = from; !day.isAfter(to) && days.size() <= key.valueLimit(); day = day.plusDays(1)) {
        days.add(day.toString());
      }
      return days;
    } catch (DateTimeParseException e) {
      throw new MissingKeyException(
          "Table " + table.name() + ": " + key.column() + " must be a date (YYYY-MM-DD), not " + constraint);
    }
  }

  private static MissingKeyException tooMany(TableSpec table, KeySpec key, long supplied) {
    return new MissingKeyException("Table " + table.name() + " takes at most " + key.valueLimit() + " values of "
        + key.column() + " per query (one tool call each); the query supplies " + supplied + ". Narrow the WHERE clause.");
  }

  static MissingKeyException missing(TableSpec table, KeySpec key, KeyConstraint given) {
    String accepted = key.accepts("RANGE") ? "a value, a list (IN) or a bounded range (BETWEEN)" : key.accepts("IN") ? "a value or a list (IN)" : "a value";
    String why = given == null ? "" : " (the query's condition " + key.column() + " " + given + " cannot be sent to the tool)";
    return new MissingKeyException(
        "Table " + table.name() + " needs " + accepted + " for column " + key.column() + why
            + ". Add it to the WHERE clause, for example: " + table.example());
  }

  List<String> get(String column) {
    return values.getOrDefault(column, List.of());
  }

  boolean has(String column) {
    return values.containsKey(column);
  }

  Map<String, List<String>> all() {
    return values;
  }

  /** Every combination of one value per listed column that has values. */
  List<Map<String, String>> combinations(List<String> columns) {
    List<Map<String, String>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (String column : columns) {
      if (!values.containsKey(column)) {
        continue;
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> combo : combos) {
        for (String value : values.get(column)) {
          Map<String, String> extended = new LinkedHashMap<>(combo);
          extended.put(column, value);
          next.add(extended);
        }
      }
      combos = next;
    }
    return combos;
  }
}
