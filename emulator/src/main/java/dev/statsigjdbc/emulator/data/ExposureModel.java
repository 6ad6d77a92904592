package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Units exposed to each experiment group, as a pure function of the experiment's current state:
 * how many units a group has at the end of the analysis window, and the cumulative curve per day
 * that reaches it. Pulse results use the same numbers, so exposures and results agree.
 */
public final class ExposureModel {
  private final long seed;
  private final Calendar calendar;
  private final Vocabulary vocabulary;

  ExposureModel(long seed, Calendar calendar, Vocabulary vocabulary) {
    this.seed = seed;
    this.calendar = calendar;
    this.vocabulary = vocabulary;
  }

  /** First day with exposures, or null for an experiment that never started. */
  public LocalDate firstDay(JsonNode experiment) {
    JsonNode start = experiment.get("startTime");
    return start == null || start.isNull() ? null : Calendar.dayOf(start.asLong());
  }

  /** Last analysed day: the end or decision day, else yesterday. */
  public LocalDate lastDay(JsonNode experiment) {
    LocalDate yesterday = calendar.today().minusDays(1);
    for (String field : new String[] {"endTime", "decisionTime"}) {
      JsonNode t = experiment.get(field);
      if (t != null && !t.isNull()) {
        LocalDate d = Calendar.dayOf(t.asLong());
        return d.isAfter(yesterday) ? yesterday : d;
      }
    }
    return yesterday;
  }

  /** Units a group holds on its last analysed day. */
  public long finalUnits(JsonNode experiment, JsonNode group) {
    String id = experiment.path("id").asText();
    SplittableRandom r = Seeds.random(seed, "units", id, group.path("name").asText());
    long perGroupAtEven = vocabulary.experiments().stream().filter(s -> s.id().equals(id) && s.units() != null)
        .map(s -> (long) s.units()).findFirst()
        .orElseGet(() -> 8_000L + Seeds.random(seed, "units", id).nextLong(150_000L));
    int groups = Math.max(1, experiment.path("groups").size());
    double share = group.path("size").asDouble(100.0 / groups) / 100 * groups;
    double allocation = experiment.path("allocation").asDouble(100) / 100;
    double jitter = 1 + (r.nextDouble() - 0.5) * 0.02; // a healthy experiment: no sample ratio mismatch
    return Math.round(perGroupAtEven * share * allocation * jitter);
  }

  /** Cumulative units of a group on a day (0 before the start and on the first day, as Statsig shows). */
  public long cumulative(JsonNode experiment, JsonNode group, LocalDate day) {
    LocalDate first = firstDay(experiment);
    if (first == null || day.isBefore(first)) {
      return 0;
    }
    LocalDate last = lastDay(experiment);
    long span = Math.max(1, last.toEpochDay() - first.toEpochDay());
    long d = Math.min(day.toEpochDay(), last.toEpochDay()) - first.toEpochDay();
    double k = 2.5 / span;
    double fraction = (1 - Math.exp(-k * d)) / (1 - Math.exp(-k * span));
    return Math.round(finalUnits(experiment, group) * fraction);
  }

  /** CumulativeExposureResponseDto: per group, one point per day from the start to the last day. */
  public ArrayNode cumulativeExposures(JsonNode experiment) {
    ArrayNode out = Json.array();
    LocalDate first = firstDay(experiment);
    for (JsonNode group : experiment.path("groups")) {
      ObjectNode g = out.addObject();
      g.put("groupID", group.path("id").asText());
      g.put("groupName", group.path("name").asText());
      ArrayNode results = g.putArray("results");
      if (first == null) {
        continue;
      }
      for (LocalDate d = first; !d.isAfter(lastDay(experiment)); d = d.plusDays(1)) {
        results.addObject().put("date", d.toString()).put("exposures", cumulative(experiment, group, d));
      }
    }
    return out;
  }

  /** New exposures in the last {@code days} days up to yesterday, over all groups. */
  public long recentExposures(JsonNode experiment, int days) {
    LocalDate yesterday = calendar.today().minusDays(1);
    long total = 0;
    for (JsonNode group : experiment.path("groups")) {
      total += cumulative(experiment, group, yesterday) - cumulative(experiment, group, yesterday.minusDays(days));
    }
    return total;
  }

  /** Checks per day of a gate or dynamic config (deterministic; zero when disabled). */
  public long dailyChecks(String kind, JsonNode entity) {
    if (!entity.path("isEnabled").asBoolean(true)) {
      return 0;
    }
    return 500 + Seeds.random(seed, "checks", kind, entity.path("id").asText()).nextLong(400_000L);
  }
}
