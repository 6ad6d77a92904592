package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Experiment reads: list, one, pulse results, cumulative exposures, and the layer/metric views. */
final class ExperimentReads {
  private static final String BASE = "/console/v1/experiments";

  private final ApiContext ctx;

  ExperimentReads(ApiContext ctx) {
    this.ctx = ctx;
  }

  void register(Router r) {
    r.read("GET " + BASE, (q, c) -> list(q, Optional.empty()));
    r.read("GET " + BASE + "/{id}", (q, c) -> Envelopes.single("Experiment read successfully.", experiment(q.path("id"))));
    r.read("GET " + BASE + "/{id}/pulse_results", (q, c) -> pulseResults(q));
    r.read("GET " + BASE + "/{id}/cumulative_exposures", (q, c) -> Envelopes.single(
        "Successfully loaded Cumulative Exposures", ctx.dataset().exposures().cumulativeExposures(experiment(q.path("id")))));
    r.read("GET /console/v1/layers/{id}/experiments", (q, c) -> {
      String layer = q.path("id");
      ctx.one(ctx.dataset().layers(), "Layer", layer);
      return ctx.paginator().page(q, "Experiments listed successfully.",
          ctx.dataset().experiments().all().stream().filter(e -> layer.equals(e.path("layerID").asText())).toList());
    });
    r.read("GET /console/v1/metrics/{id}/experiments", (q, c) -> {
      String metric = q.path("id");
      ctx.one(ctx.dataset().metrics(), "Metric", metric);
      return list(q, Optional.of(e -> usesMetric(e, metric)));
    });
  }

  private ObjectNode list(Query q, Optional<Predicate<ObjectNode>> scope) {
    Optional<Predicate<ObjectNode>> filter = ExperimentFilter.from(q);
    Optional<Predicate<ObjectNode>> all = scope.isEmpty() ? filter
        : Optional.of(filter.map(f -> scope.get().and(f)).orElse(scope.get()));
    return ctx.listPage(q, "Experiments listed successfully.", ctx.dataset().experiments(), all.orElse(e -> true),
        all.isPresent());
  }

  private ObjectNode experiment(String id) {
    return ctx.one(ctx.dataset().experiments(), "Experiment", id);
  }

  private static boolean usesMetric(ObjectNode experiment, String metricId) {
    for (String list : new String[] {"primaryMetrics", "secondaryMetrics"}) {
      for (JsonNode m : experiment.path(list)) {
        if ((m.path("name").asText() + "::" + m.path("type").asText()).equals(metricId)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Control vs the named test group, or vs every test group when none is named. */
  private ObjectNode pulseResults(Query q) {
    ObjectNode experiment = experiment(q.path("id"));
    JsonNode groups = experiment.path("groups");
    String controlId = q.string("control").orElse(experiment.path("controlGroupID").asText());
    JsonNode control = group(experiment, controlId);
    List<JsonNode> tests = new ArrayList<>();
    Optional<String> test = q.string("test");
    if (test.isPresent()) {
      tests.add(group(experiment, test.get()));
    } else {
      groups.forEach(g -> {
        if (!g.path("id").asText().equals(control.path("id").asText())) {
          tests.add(g);
        }
      });
    }
    q.bool("cuped");
    q.date("date");
    double confidence = bonferroni(q, experiment, confidence(q, experiment), tests.size());
    ObjectNode merged = null;
    for (JsonNode t : tests) {
      ObjectNode one = ctx.dataset().pulse().experimentResults(experiment, control, t, confidence);
      if (merged == null) {
        merged = one;
      } else {
        for (String list : new String[] {"primaryMetrics", "secondaryMetrics", "otherMetrics"}) {
          ((ArrayNode) merged.get(list)).addAll((ArrayNode) one.get(list));
        }
      }
    }
    if (merged == null) {
      merged = Json.object().put("ds", ctx.dataset().exposures().lastDay(experiment).toString());
      merged.putArray("primaryMetrics");
      merged.putArray("secondaryMetrics");
      merged.putArray("otherMetrics");
    }
    return Envelopes.single("Successfully loaded Pulse Results",
        ctx.quirks().snakeCasePulseResults() ? PulseKeys.snakeCaseResults(merged) : merged);
  }

  private static JsonNode group(ObjectNode experiment, String groupId) {
    List<String> known = new ArrayList<>();
    for (JsonNode g : experiment.path("groups")) {
      if (g.path("id").asText().equals(groupId)) {
        return g;
      }
      known.add(g.path("id").asText() + " (" + g.path("name").asText() + ")");
    }
    throw new ApiException(400, "Group '" + groupId + "' is not a group of experiment '" + experiment.path("id").asText()
        + "'; its groups are " + String.join(", ", known) + ".");
  }

  /**
   * Bonferroni corrections when asked for: the error rate is split over the test groups and/or
   * over the primary and secondary metrics, which widens every interval.
   */
  private static double bonferroni(Query q, ObjectNode experiment, double confidence, int testGroups) {
    int comparisons = 1;
    if (q.bool("applyBonferroniPerVariant").orElse(false)) {
      comparisons *= Math.max(1, testGroups);
    }
    if (q.bool("applyBonferroniPerMetric").orElse(false)) {
      comparisons *= Math.max(1, experiment.path("primaryMetrics").size() + experiment.path("secondaryMetrics").size());
    }
    return 100 - (100 - confidence) / comparisons;
  }

  private static double confidence(Query q, ObjectNode experiment) {
    String text = q.string("confidence").orElse(experiment.path("defaultConfidenceInterval").asText("95"));
    try {
      double c = Double.parseDouble(text);
      if (c > 50 && c < 100) {
        return c;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new ApiException(400, "Query parameter 'confidence' must be a percentage between 50 and 100 such as 95, got '"
        + text + "'.");
  }
}
