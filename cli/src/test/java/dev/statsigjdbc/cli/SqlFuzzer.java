package dev.statsigjdbc.cli;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Random SQL over every table, as a new user writes it and worse: literals of every type
 * (compared with columns of any type), unicode, odd and reversed ranges, NULLs, empty strings,
 * joins on key columns. The same seed gives the same queries.
 */
final class SqlFuzzer {
  /** A column: its name and {@link Types} code. */
  record Column(String name, int type) {}

  /** Key joins between tables: child column to parent column. */
  private static final List<String[]> KEY_JOINS = List.of(
      new String[] {"experiments", "id", "experiment_groups", "experiment_id"},
      new String[] {"experiments", "id", "experiment_metrics", "experiment_id"},
      new String[] {"experiments", "id", "experiment_results", "experiment_id"},
      new String[] {"experiments", "id", "experiment_exposures", "experiment_id"},
      new String[] {"gates", "id", "gate_rules", "gate_id"},
      new String[] {"gates", "id", "gate_results", "gate_id"},
      new String[] {"metrics", "id", "metric_values", "metric_id"},
      new String[] {"layers", "id", "experiments", "layer_id"},
      new String[] {"tags", "name", "experiments", "tag"},
      new String[] {"tags", "name", "gates", "tag"});
  private static final String[] TEXTS = {"", "checkout_v2", "abc", "日本", "🚀 launch", "it''s", "%", "_", "NULL",
      "yesterday", "11/01/2026", "2026-02-30", "1e309", "-0", "true", "x".repeat(300), "Ω≈ç√", "\t", "active"};
  private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};

  private final Random random;
  private final Map<String, List<Column>> tables;
  /** Filters that satisfy each table's required keys, so that some queries reach the tools. */
  private final Map<String, String> requiredFilters;

  SqlFuzzer(long seed, Map<String, List<Column>> tables, Map<String, String> requiredFilters) {
    this.random = new Random(seed);
    this.tables = tables;
    this.requiredFilters = requiredFilters;
  }

  String next() {
    return switch (random.nextInt(6)) {
      case 0 -> join();
      case 1 -> aggregate();
      default -> select();
    };
  }

  private String select() {
    String table = table();
    List<Column> columns = tables.get(table);
    String projection = random.nextInt(4) == 0 ? "*" : pick(columns, 1 + random.nextInt(3)).stream()
        .map(c -> quoted(c.name())).collect(Collectors.joining(", "));
    StringBuilder sql = new StringBuilder("SELECT ").append(projection).append(" FROM ").append(table)
        .append(where(table, columns, ""));
    if (random.nextBoolean()) {
      sql.append(" ORDER BY ").append(quoted(columns.get(random.nextInt(columns.size())).name()));
    }
    if (random.nextInt(3) > 0) {
      sql.append(" LIMIT ").append(new int[] {0, 1, 5, 100, 2147483647}[random.nextInt(5)]);
    }
    return sql.toString();
  }

  private String aggregate() {
    String table = table();
    List<Column> columns = tables.get(table);
    Column group = columns.get(random.nextInt(columns.size()));
    Column measured = columns.get(random.nextInt(columns.size()));
    String function = new String[] {"COUNT", "AVG", "SUM", "MIN", "MAX"}[random.nextInt(5)];
    boolean numeric = isNumeric(measured.type());
    String argument = function.equals("COUNT") || !numeric && !function.startsWith("M") ? "*" : quoted(measured.name());
    if (argument.equals("*") && !function.equals("COUNT")) {
      function = "COUNT";
    }
    return "SELECT " + quoted(group.name()) + ", " + function + "(" + argument + ") FROM " + table
        + where(table, columns, "") + " GROUP BY " + quoted(group.name());
  }

  private String join() {
    String[] join = KEY_JOINS.get(random.nextInt(KEY_JOINS.size()));
    String kind = random.nextBoolean() ? "JOIN" : "LEFT JOIN";
    List<Column> childColumns = tables.get(join[2]);
    Column shown = childColumns.get(random.nextInt(childColumns.size()));
    return "SELECT p." + quoted(join[1]) + ", c." + quoted(shown.name()) + " FROM " + join[0] + " p " + kind + " "
        + join[2] + " c ON c." + join[3] + " = p." + join[1] + where(join[0], tables.get(join[0]), "p.")
        + " LIMIT 50";
  }

  private String where(String table, List<Column> columns, String prefix) {
    List<String> conditions = new ArrayList<>();
    String required = requiredFilters.get(table);
    if (required != null && prefix.isEmpty() && random.nextInt(3) > 0) {
      conditions.add(required);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      conditions.add(condition(prefix + quoted(columns.get(random.nextInt(columns.size())).name())));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private String condition(String column) {
    return switch (random.nextInt(7)) {
      case 0 -> column + " IN (" + literal() + ", " + literal() + ")";
      case 1 -> column + " BETWEEN " + literal() + " AND " + literal();
      case 2 -> column + " IS " + (random.nextBoolean() ? "" : "NOT ") + "NULL";
      case 3 -> column + " LIKE " + text();
      default -> column + " " + COMPARISONS[random.nextInt(COMPARISONS.length)] + " " + literal();
    };
  }

  private String literal() {
    return switch (random.nextInt(10)) {
      case 0 -> Long.toString(random.nextLong() >> random.nextInt(64));
      case 1 -> Double.toString(random.nextGaussian() * 1000);
      case 2 -> "DATE '" + (1999 + random.nextInt(40)) + "-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28)) + "'";
      case 3 -> "TIMESTAMP '2026-" + two(1 + random.nextInt(12)) + "-01 " + two(random.nextInt(24)) + ":00:00'";
      case 4 -> random.nextBoolean() ? "TRUE" : "FALSE";
      case 5 -> "NULL";
      case 6 -> "CURRENT_DATE - INTERVAL '" + random.nextInt(400) + "' DAY";
      default -> text();
    };
  }

  private String text() {
    return "'" + TEXTS[random.nextInt(TEXTS.length)] + "'";
  }

  private String table() {
    List<String> names = new ArrayList<>(tables.keySet());
    return names.get(random.nextInt(names.size()));
  }

  private List<Column> pick(List<Column> columns, int count) {
    List<Column> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      picked.add(columns.get(random.nextInt(columns.size())));
    }
    return picked.stream().distinct().toList();
  }

  private static String quoted(String name) {
    return "\"" + name + "\"";
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static boolean isNumeric(int type) {
    return type == Types.BIGINT || type == Types.INTEGER || type == Types.DOUBLE || type == Types.DECIMAL
        || type == Types.FLOAT || type == Types.REAL || type == Types.SMALLINT || type == Types.TINYINT;
  }
}
