package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Vocabulary.MetricSpec;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Pulse results as a two-sample z-test over per-unit means, computed on request from the entity
 * state and the seed. Every number follows from (control mean, true effect, units, noise):
 * absolute change = test mean - control mean, CI delta = z(confidence) x standard error, p-value
 * from change / standard error, so a result is significant exactly when |change| > CI delta.
 */
public final class PulseModel {
  /** Metrics a gate is measured on when it names none. */
  static final String[] DEFAULT_GATE_METRICS = {"checkout_conversion::funnel", "revenue_per_user::sum", "page_load_time_ms::mean"};

  private final long seed;
  private final Vocabulary vocabulary;
  private final ExposureModel exposures;
  private final Calendar calendar;

  PulseModel(long seed, Vocabulary vocabulary, ExposureModel exposures, Calendar calendar) {
    this.seed = seed;
    this.vocabulary = vocabulary;
    this.exposures = exposures;
    this.calendar = calendar;
  }

  /** One compared pair: which groups and how many units each holds. */
  public record Comparison(String subjectId, String controlName, long controlUnits, String testName, long testUnits,
      double confidencePercent) {}

  /**
   * ExperimentPulseResultsDto for one control/test pair (camelCase; the API layer renames keys
   * for the snake_case quirk). Adds {@code controlGroupID} and {@code testGroupID} to each
   * metric so that results of several test groups can be told apart.
   */
  public ObjectNode experimentResults(JsonNode experiment, JsonNode control, JsonNode test, double confidencePercent) {
    ObjectNode out = Json.object();
    out.put("ds", exposures.lastDay(experiment).toString());
    Comparison c = new Comparison(experiment.path("id").asText(), control.path("name").asText(),
        exposures.finalUnits(experiment, control), test.path("name").asText(), exposures.finalUnits(experiment, test),
        confidencePercent);
    boolean started = exposures.firstDay(experiment) != null;
    for (String list : new String[] {"primaryMetrics", "secondaryMetrics"}) {
      ArrayNode metrics = out.putArray(list);
      if (!started) {
        continue;
      }
      for (JsonNode m : experiment.path(list)) {
        String metricId = m.path("name").asText() + "::" + m.path("type").asText();
        ObjectNode r = metricResult(c, metricId);
        r.put("controlGroupID", control.path("id").asText());
        r.put("testGroupID", test.path("id").asText());
        metrics.add(r);
      }
    }
    out.putArray("otherMetrics");
    return out;
  }

  /** GatePulseResultsDto for one rule: units that passed are the test side, units that failed the control side. */
  public ObjectNode gateRuleResults(JsonNode gate, JsonNode rule) {
    ObjectNode out = Json.object();
    out.put("ds", calendar.today().minusDays(1).toString());
    long checks = exposures.dailyChecks("gate", gate) * 7;
    String ruleId = rule.path("id").asText();
    long ruleUnits = Math.round(checks * (0.1 + Seeds.random(seed, "ruleShare", ruleId).nextDouble() * 0.5));
    long passed = Math.round(ruleUnits * rule.path("passPercentage").asDouble(0) / 100);
    Comparison c = new Comparison(gate.path("id").asText() + "/" + ruleId, "fail", ruleUnits - passed, "pass", passed, 95);
    ArrayNode metrics = out.putArray("monitoringMetrics");
    JsonNode named = gate.path("monitoringMetrics");
    if (named.isArray() && !named.isEmpty()) {
      named.forEach(m -> metrics.add(metricResult(c, m.path("name").asText() + "::" + m.path("type").asText())));
    } else {
      for (String metricId : DEFAULT_GATE_METRICS) {
        metrics.add(metricResult(c, metricId));
      }
    }
    return out;
  }

  ObjectNode metricResult(Comparison c, String metricId) {
    MetricSpec metric = metricSpec(metricId);
    SplittableRandom r = Seeds.random(seed, "pulse", c.subjectId(), metricId, c.testName());
    Optional<Double> pinned = pinnedEffect(c.subjectId(), metricId);
    double effect = pinned.orElseGet(() -> r.nextInt(3) == 0 ? 0.0 : Stats.gaussian(r, 3) * 0.02);
    double noise = Stats.gaussian(r, pinned.isPresent() ? 1.0 : 3.0);
    double controlMean = metric.mean() * (1 + (r.nextDouble() - 0.5) * 0.06);

    ObjectNode out = Json.object();
    out.put("metricID", metricId);
    out.put("metricName", metric.name());
    out.put("directionality", metric.directionality());
    if (c.controlUnits() < 2 || c.testUnits() < 2) {
      // one side of a 0% or 100% rule is empty: nothing to compare
      out.put("controlUnits", c.controlUnits());
      out.put("testUnits", c.testUnits());
      return out;
    }
    double controlStd = std(metric, controlMean);
    double expectedTest = controlMean * (1 + effect);
    double se = Math.sqrt(Math.pow(std(metric, expectedTest), 2) / c.testUnits()
        + controlStd * controlStd / c.controlUnits());
    double testMean = expectedTest + noise * se;
    double testStd = std(metric, testMean);
    double change = testMean - controlMean;
    double ciDelta = Stats.criticalZ(c.confidencePercent()) * se;
    double sequentialDelta = ciDelta * 1.35; // always-valid intervals are wider
    out.put("absoluteChange", Stats.round(change, 8));
    out.put("confidenceIntervalDelta", Stats.round(ciDelta, 8));
    out.put("percentChange", Stats.round(100 * change / controlMean, 6));
    out.put("percentConfidenceIntervalDelta", Stats.round(100 * ciDelta / controlMean, 6));
    out.put("sequentialTestingConfidenceIntervalDelta", Stats.round(sequentialDelta, 8));
    out.put("percentSequentialTestingConfidenceIntervalDelta", Stats.round(100 * sequentialDelta / controlMean, 6));
    out.put("testMean", Stats.round(testMean, 8));
    out.put("controlMean", Stats.round(controlMean, 8));
    out.put("testStd", Stats.round(testStd, 8));
    out.put("controlStd", Stats.round(controlStd, 8));
    out.put("testUnits", c.testUnits());
    out.put("controlUnits", c.controlUnits());
    out.put("pValue", Stats.significant(Stats.twoSidedP(change / se), 8));
    out.put("absoluteToplineImpact", Stats.round(change * c.testUnits(), 4));
    out.put("relativeToplineImpact", Stats.round(100 * change / controlMean * c.testUnits()
        / (double) (c.testUnits() + c.controlUnits()), 6));
    return out;
  }

  private static double std(MetricSpec metric, double mean) {
    if (metric.isRate()) {
      double p = Math.min(0.999, Math.max(0.001, mean));
      return Math.sqrt(p * (1 - p));
    }
    return metric.cv() * Math.abs(mean);
  }

  private Optional<Double> pinnedEffect(String experimentId, String metricId) {
    return vocabulary.experiments().stream().filter(s -> s.id().equals(experimentId) && s.effects() != null)
        .map(s -> s.effects().get(metricId)).filter(e -> e != null).findFirst();
  }

  /** The vocabulary's metric, or a generic conversion-like metric for ids created through the API. */
  private MetricSpec metricSpec(String metricId) {
    return vocabulary.metrics().stream().filter(m -> m.id().equals(metricId)).findFirst()
        .orElseGet(() -> {
          int sep = metricId.indexOf("::");
          String name = sep < 0 ? metricId : metricId.substring(0, sep);
          String type = sep < 0 ? "event_user" : metricId.substring(sep + 2);
          return new MetricSpec(name, type, "rate", 0.2, 0, "increase", name, "", java.util.List.of());
        });
  }

}
