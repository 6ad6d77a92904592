package dev.statsigjdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Dataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Figure 1's queries over the {@code large} data set, each with its minimum computed from the data. */
final class CallCountSuite {
  private CallCountSuite() {}

  static List<SuiteQuery> queries(Dataset data) {
    List<ObjectNode> experiments = sortedById(data.experiments().all());
    List<ObjectNode> gates = sortedById(data.gates().all());
    String status = mostCommon(experiments, "status");
    String type = mostCommon(gates, "type");
    String tag = firstTag(experiments);
    String metric = data.metricValues().metrics().get(0).id();
    String lastDay = data.metricValues().lastDay().toString();
    String firstDay = data.metricValues().lastDay().minusDays(29).toString();
    List<ObjectNode> joined = experiments.subList(0, 10);
    List<ObjectNode> ruled = gates.subList(0, 100);
    long resultCalls = joined.stream().mapToLong(e -> e.path("groups").size() - 1).sum();
    long ruleCalls = ruled.stream().mapToLong(g -> g.path("rules").size()).sum();

    List<SuiteQuery> q = new ArrayList<>();
    q.add(new SuiteQuery("full scan experiments", "SELECT id, name, status FROM experiments",
        SuiteQuery.pages(experiments.size()), experiments.size() + " experiments / " + SuiteQuery.PAGE_SIZE + " per page"));
    q.add(new SuiteQuery("full scan gates", "SELECT id, type, is_enabled FROM gates",
        SuiteQuery.pages(gates.size()), gates.size() + " gates / " + SuiteQuery.PAGE_SIZE + " per page"));
    q.add(new SuiteQuery("id lookup", "SELECT * FROM experiments WHERE id = " + literal(experiments.get(1234)),
        1, "one detail call"));
    q.add(new SuiteQuery("IN list of 20 gates", "SELECT id, name FROM gates WHERE id IN (" + literals(gates.subList(40, 60)) + ")",
        20, "one detail call per id"));
    q.add(new SuiteQuery("filter status", "SELECT id FROM experiments WHERE status = '" + status + "'",
        SuiteQuery.pages(count(experiments, e -> e.path("status").asText().equals(status))),
        "experiments with status " + status + " / page size (server filters by status)"));
    q.add(new SuiteQuery("filter type", "SELECT id FROM gates WHERE type = '" + type + "'",
        SuiteQuery.pages(count(gates, g -> g.path("type").asText().equals(type))),
        "gates of type " + type + " / page size (server filters by type)"));
    q.add(new SuiteQuery("filter tags", "SELECT id FROM experiments WHERE tag = '" + tag + "'",
        SuiteQuery.pages(count(experiments, e -> hasTag(e, tag))),
        "experiments tagged " + tag + " / page size (server filters by tags)"));
    q.add(new SuiteQuery("LIMIT 10 audit_logs", "SELECT id, action_type FROM audit_logs LIMIT 10",
        1, "one page of 10 of " + data.auditLog().size() + " entries"));
    q.add(new SuiteQuery("LIMIT 10 experiments", "SELECT id, status FROM experiments LIMIT 10",
        1, "one page of 10 of " + experiments.size()));
    q.add(new SuiteQuery("experiments JOIN experiment_results",
        "SELECT e.id, r.test_group_id, r.metric_id, r.percent_change FROM experiments e"
            + " JOIN experiment_results r ON r.experiment_id = e.id WHERE e.id IN (" + literals(joined) + ")",
        joined.size() + resultCalls, joined.size() + " experiment details + " + resultCalls + " (experiment, test group) results"));
    q.add(new SuiteQuery("metric_values 30 days",
        "SELECT ds, \"value\" FROM metric_values WHERE metric_id = '" + metric + "' AND ds BETWEEN DATE '" + firstDay
            + "' AND DATE '" + lastDay + "'",
        30, "one call per metric and day"));
    q.add(new SuiteQuery("rule results of 100 gates",
        "SELECT r.gate_id, r.rule_id, r.units_passed FROM gates g JOIN gate_results r ON r.gate_id = g.id"
            + " WHERE g.id IN (" + literals(ruled) + ")",
        ruled.size() + ruleCalls, ruled.size() + " gate details + " + ruleCalls + " rule results"));
    q.add(new SuiteQuery("aggregate by status", "SELECT status, COUNT(*) AS n FROM experiments GROUP BY status",
        SuiteQuery.pages(experiments.size()), "every experiment: all pages"));
    q.add(new SuiteQuery("aggregate over an IN list",
        "SELECT type, COUNT(*) AS n, SUM(CASE WHEN is_enabled THEN 1 ELSE 0 END) AS enabled FROM gates"
            + " WHERE id IN (" + literals(gates.subList(200, 250)) + ") GROUP BY type",
        50, "one detail call per id"));
    return q;
  }

  private static List<ObjectNode> sortedById(List<ObjectNode> entities) {
    return entities.stream().sorted(Comparator.comparing(e -> e.path("id").asText())).toList();
  }

  private static String mostCommon(List<ObjectNode> entities, String field) {
    Map<String, Long> counts = entities.stream()
        .collect(Collectors.groupingBy(e -> e.path(field).asText(), Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static String firstTag(List<ObjectNode> entities) {
    for (ObjectNode e : entities) {
      for (JsonNode tag : e.path("tags")) {
        return tag.asText();
      }
    }
    throw new IllegalStateException("the data set has no tagged experiments");
  }

  private static boolean hasTag(ObjectNode entity, String tag) {
    for (JsonNode t : entity.path("tags")) {
      if (t.asText().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static long count(List<ObjectNode> entities, Predicate<ObjectNode> matches) {
    return entities.stream().filter(matches).count();
  }

  private static String literal(ObjectNode entity) {
    return "'" + entity.path("id").asText().replace("'", "''") + "'";
  }

  private static String literals(List<ObjectNode> entities) {
    return entities.stream().map(CallCountSuite::literal).collect(Collectors.joining(", "));
  }
}
