package dev.statsigjdbc.assistant.plan;

import java.util.List;
import java.util.Map;

/**
 * A table a question can list or count: the words that name it, the columns worth showing and
 * the status words it filters on (word in the question -> value in the status column), and
 * whether it has a {@code tags} column.
 */
record ListTarget(String table, List<String> names, List<String> columns, Map<String, String> statuses,
    boolean tagged) {

  static final List<ListTarget> ALL = List.of(
      new ListTarget("experiments", List.of("experiment", "test", "a/b test"),
          List.of("id", "name", "status", "team"),
          Map.of("active", "active", "running", "active", "live", "active", "in setup", "setup", "draft", "setup",
              "decision made", "decision_made", "decided", "decision_made", "abandoned", "abandoned",
              "archived", "archived", "stopped", "experiment_stopped"), true),
      new ListTarget("gates", List.of("gate", "feature gate", "feature flag", "flag"),
          List.of("id", "name", "status", "is_enabled"),
          Map.of("launched", "Launched", "in progress", "In Progress", "disabled", "Disabled", "archived", "Archived"),
          true),
      new ListTarget("metrics", List.of("metric"), List.of("id", "name", "type", "directionality"), Map.of(), true),
      new ListTarget("tags", List.of("tag"), List.of("id", "name", "description"), Map.of(), false),
      new ListTarget("dynamic_configs", List.of("dynamic config", "config"), List.of("id", "name", "is_enabled"), Map.of(), true),
      new ListTarget("layers", List.of("layer"), List.of("id", "name", "team"), Map.of(), true),
      new ListTarget("segments", List.of("segment", "audience"), List.of("id", "name", "type", "count"), Map.of(), true));
}
