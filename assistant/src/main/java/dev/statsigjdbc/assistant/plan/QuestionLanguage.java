package dev.statsigjdbc.assistant.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a question can refer to, declared once: the things it can list or count (with the nouns
 * that name them), their dimensions (with the words for fixed values, or read live), their time
 * columns and the verbs that mean them, and the measures of the fact tables with how they
 * aggregate. Checked against the driver's table catalog ({@code statsig-tables.json}) when loaded,
 * so a renamed column fails at start, not as a wrong answer.
 */
public final class QuestionLanguage {
  /** Where the adapter keeps its table catalog on the class path. */
  static final String CATALOG = "dev/statsigjdbc/adapter/catalog/statsig-tables.json";

  /** How a dimension's value is compared: equal, or one name inside a JSON array held as text (tags). */
  public enum Match { EQUALS, JSON_ARRAY, IS_TRUE }

  /** How a measure adds up over days or rows. */
  public enum Aggregation {
    /** Sums over days and rows (event counts). */
    ADDITIVE,
    /** A running total: read at the last day, never summed. */
    CUMULATIVE,
    /** A rate or mean per day: averaged or shown per day, never summed. */
    RATIO,
    /** A change against control, with its interval: ranked or shown, never added. */
    PERCENT_CHANGE
  }

  /**
   * A column a question narrows or groups by.
   *
   * @param words words naming the dimension itself ("team", "status"), for "per team"
   * @param values fixed values and the phrases that mean them; empty for live values
   * @param live values read from the data (teams, people, layers) and matched by name
   */
  public record Dimension(String name, String column, List<String> words, Map<String, List<String>> values,
      boolean live, Match match) {}

  /** A time column and the verbs that mean it ("created last month", "started this quarter"). */
  public record TimeColumn(String column, List<String> verbs) {}

  /** A numeric column of a fact table, how it aggregates, and its unit. */
  public record Measure(String table, String column, Aggregation aggregation, String unit) {}

  /**
   * Something a question lists or counts.
   *
   * @param nouns what people call it, singular ("experiment", "feature flag")
   * @param shown the columns a list shows (the first one names a row)
   */
  public record Subject(String table, List<String> nouns, List<String> shown, List<Dimension> dimensions,
      List<TimeColumn> times) {
    public Optional<Dimension> dimension(String name) {
      return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }
  }

  private static final Dimension TEAM = new Dimension("team", "team", List.of("team"), Map.of(), true, Match.EQUALS);
  private static final Dimension TAG = new Dimension("tag", "tags", List.of("tag"), Map.of(), true, Match.JSON_ARRAY);
  private static final Dimension CREATOR =
      new Dimension("creator", "creator_name", List.of("creator", "owner", "author", "person"), Map.of(), true, Match.EQUALS);
  private static final Dimension ENABLED =
      new Dimension("enabled", "is_enabled", List.of(), ordered("true", List.of("enabled", "turned on")), false, Match.IS_TRUE);
  private static final TimeColumn CREATED = new TimeColumn("created_time", List.of("created", "create", "added", "made", "new"));
  private static final TimeColumn MODIFIED =
      new TimeColumn("last_modified_time", List.of("modified", "changed", "updated", "edited", "touched"));

  public static final List<Subject> SUBJECTS = List.of(
      new Subject("experiments", List.of("experiment", "a b test", "ab test", "test"), List.of("id", "name", "status", "team"),
          List.of(new Dimension("status", "status", List.of("status", "state"), ordered(
                  "active", List.of("active", "running", "live", "ongoing", "in progress"),
                  "setup", List.of("in setup", "setup", "draft", "not started"),
                  "decision_made", List.of("decision made", "concluded", "completed", "finished"),
                  "abandoned", List.of("abandoned"),
                  "archived", List.of("archived"),
                  "experiment_stopped", List.of("experiment stopped", "stopped"),
                  "assignment_stopped", List.of("assignment stopped")), false, Match.EQUALS),
              TEAM, TAG, CREATOR,
              new Dimension("layer", "layer_id", List.of("layer"), Map.of(), true, Match.EQUALS)),
          List.of(CREATED, new TimeColumn("start_time", List.of("started", "start", "began", "kicked off")),
              new TimeColumn("end_time", List.of("ended", "end", "finished")), MODIFIED)),
      new Subject("gates", List.of("feature gate", "feature flag", "gate", "flag"), List.of("id", "name", "status", "type"),
          List.of(new Dimension("status", "status", List.of("status", "state"), ordered(
                  "Launched", List.of("launched", "fully launched"),
                  "In Progress", List.of("in progress", "rolling out"),
                  "Disabled", List.of("disabled", "turned off"),
                  "Archived", List.of("archived")), false, Match.EQUALS),
              new Dimension("type", "type", List.of("type", "kind"), ordered(
                  "PERMANENT", List.of("permanent"), "TEMPORARY", List.of("temporary"), "STALE", List.of("stale")),
                  false, Match.EQUALS),
              ENABLED, TEAM, TAG, CREATOR),
          List.of(CREATED, MODIFIED)),
      new Subject("metrics", List.of("metric", "kpi"), List.of("id", "name", "type", "directionality"),
          List.of(new Dimension("type", "type", List.of("type", "kind"), Map.of(), true, Match.EQUALS),
              new Dimension("verified", "is_verified", List.of(), ordered("true", List.of("verified")), false, Match.IS_TRUE),
              TEAM, TAG),
          List.of(CREATED, MODIFIED)),
      new Subject("dynamic_configs", List.of("dynamic config", "config"), List.of("id", "name", "is_enabled"),
          List.of(ENABLED, TEAM, TAG), List.of(CREATED, MODIFIED)),
      new Subject("layers", List.of("layer"), List.of("id", "name", "team"), List.of(TEAM, TAG), List.of(CREATED, MODIFIED)),
      new Subject("segments", List.of("segment", "audience"), List.of("id", "name", "type", "count"),
          List.of(ENABLED, TEAM, TAG),
          List.of(CREATED, MODIFIED)),
      new Subject("tags", List.of("tag"), List.of("name", "description"), List.of(), List.of()));

  /** The numeric columns of the fact tables the planner reads, and how each aggregates. */
  public static final List<Measure> MEASURES = List.of(
      new Measure("experiment_exposures", "exposures", Aggregation.CUMULATIVE, "exposures"),
      new Measure("experiment_results", "percent_change", Aggregation.PERCENT_CHANGE, "%"),
      new Measure("gate_results", "units_passed", Aggregation.CUMULATIVE, "units"),
      new Measure("gate_results", "units_failed", Aggregation.CUMULATIVE, "units"),
      new Measure("metric_values", "value", Aggregation.RATIO, ""),
      new Measure("gate_rules", "pass_percentage", Aggregation.RATIO, "%"));

  /** Columns the planner's own queries read, beyond the subjects and measures above. */
  private static final Map<String, List<String>> ALSO_READ = Map.of(
      "experiments", List.of("control_group_id", "launched_group_id", "start_time", "end_time", "creator_name", "team"),
      "experiment_results", List.of("experiment_id", "metric_id", "test_group_id", "test_group_name", "absolute_change",
          "ci_delta", "percent_ci_delta", "p_value", "test_units", "control_units", "test_mean", "control_mean"),
      "experiment_exposures", List.of("experiment_id", "group_id", "group_name", "ds"),
      "experiment_groups", List.of("experiment_id", "group_id", "size"),
      "gate_results", List.of("gate_id", "rule_name"),
      "gate_rules", List.of("gate_id", "name", "environment"),
      "metric_values", List.of("metric_id", "ds"),
      "audit_logs", List.of("name", "action_type", "change_log", "updated_by", "date_text"));

  private QuestionLanguage() {}

  public static Optional<Subject> subject(String table) {
    return SUBJECTS.stream().filter(s -> s.table().equals(table)).findFirst();
  }

  public static Measure measure(String table, String column) {
    return MEASURES.stream().filter(m -> m.table().equals(table) && m.column().equals(column)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no measure " + table + "." + column + " is declared"));
  }

  /** The catalog on the class path; fails when the declaration names a table or column it does not have. */
  public static void checkAgainstCatalog() {
    try (InputStream in = QuestionLanguage.class.getClassLoader().getResourceAsStream(CATALOG)) {
      if (in == null) {
        throw new IllegalStateException(CATALOG + " is not on the class path: the assistant needs the driver");
      }
      List<String> missing = missing(columnsOf(new ObjectMapper().readTree(in)));
      if (!missing.isEmpty()) {
        throw new IllegalStateException("The question language names columns the table catalog does not have: "
            + String.join(", ", missing));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + CATALOG, e);
    }
  }

  /** Table -> its column names, from a catalog document ({@code {"tables":[{"name", "columns":[{"name"}]}]}}). */
  static Map<String, Set<String>> columnsOf(JsonNode catalog) {
    Map<String, Set<String>> out = new HashMap<>();
    for (JsonNode table : catalog.path("tables")) {
      Set<String> columns = new java.util.HashSet<>();
      table.path("columns").forEach(c -> columns.add(c.path("name").asText()));
      out.put(table.path("name").asText(), columns);
    }
    return out;
  }

  /** Every table.column this declaration names that the catalog lacks. */
  static List<String> missing(Map<String, Set<String>> catalog) {
    Map<String, List<String>> named = new LinkedHashMap<>();
    for (Subject s : SUBJECTS) {
      List<String> columns = new ArrayList<>(s.shown());
      s.dimensions().forEach(d -> columns.add(d.column()));
      s.times().forEach(t -> columns.add(t.column()));
      named.computeIfAbsent(s.table(), k -> new ArrayList<>()).addAll(columns);
    }
    MEASURES.forEach(m -> named.computeIfAbsent(m.table(), k -> new ArrayList<>()).add(m.column()));
    ALSO_READ.forEach((table, columns) -> named.computeIfAbsent(table, k -> new ArrayList<>()).addAll(columns));
    List<String> missing = new ArrayList<>();
    named.forEach((table, columns) -> columns.stream().distinct()
        .filter(c -> !catalog.getOrDefault(table, Set.of()).contains(c))
        .forEach(c -> missing.add(table + "." + c)));
    return missing;
  }

  /** A map that keeps the order values are declared in (the first matching phrase wins ties). */
  private static Map<String, List<String>> ordered(Object... pairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> words = (List<String>) pairs[i + 1];
      out.put((String) pairs[i], words);
    }
    return out;
  }
}
