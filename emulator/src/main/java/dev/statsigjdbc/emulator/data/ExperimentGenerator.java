package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Vocabulary.ExperimentSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.LayerSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.MetricSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Experiments (ExternalExperimentDto): first the vocabulary's ideas as written, with their pinned
 * outcomes, then variations of them ("_mobile", "_eu", ...) with statuses and dates drawn per
 * experiment from the seed.
 */
final class ExperimentGenerator {
  private static final String[] VARIANTS = {"mobile", "web", "eu", "v2", "holiday", "new_users", "returning", "ios",
      "android", "latam", "v3", "apac"};
  /** Statuses of drawn experiments and their relative weights. */
  private static final String[] STATUSES = {"active", "setup", "decision_made", "abandoned", "archived",
      "experiment_stopped", "assignment_stopped"};
  private static final int[] STATUS_WEIGHTS = {30, 12, 30, 8, 8, 6, 6};

  private final long seed;
  private final Calendar calendar;
  private final Vocabulary vocabulary;

  ExperimentGenerator(long seed, Calendar calendar, Vocabulary vocabulary) {
    this.seed = seed;
    this.calendar = calendar;
    this.vocabulary = vocabulary;
  }

  void generate(int count, EntityStore into) {
    List<ExperimentSpec> ideas = vocabulary.experiments();
    for (int i = 0; i < count; i++) {
      ObjectNode e = i < ideas.size() ? fromIdea(ideas.get(i), ideas.get(i).id(), i) : variation(i, into);
      into.put(e.path("id").asText(), e);
    }
  }

  private ObjectNode variation(int index, EntityStore existing) {
    SplittableRandom r = Seeds.random(seed, "experimentIdea", index);
    ExperimentSpec idea = vocabulary.experiments().get(r.nextInt(vocabulary.experiments().size()));
    String id = idea.id() + "_" + VARIANTS[r.nextInt(VARIANTS.length)];
    if (existing.contains(id)) {
      id = id + "_" + index;
    }
    ExperimentSpec drawn = new ExperimentSpec(id, idea.team(), idea.title(), idea.change(), idea.groups(),
        idea.primary(), idea.secondary(), null, null, null, null, null);
    return fromIdea(drawn, id, index);
  }

  private ObjectNode fromIdea(ExperimentSpec idea, String id, int index) {
    SplittableRandom r = Seeds.random(seed, "experiment", id);
    String status = idea.status() != null ? idea.status() : Seeds.weighted(r, STATUSES, STATUS_WEIGHTS);
    List<Person> team = vocabulary.people().stream().filter(p -> p.team().equals(idea.team())).toList();
    Person creator = team.isEmpty() ? vocabulary.people().get(0) : team.get(r.nextInt(team.size()));
    Person modifier = vocabulary.people().get(r.nextInt(vocabulary.people().size()));

    ObjectNode e = Json.object();
    e.put("id", id);
    e.put("name", id);
    e.put("idType", r.nextInt(5) == 0 ? "stableID" : "userID");
    e.put("description", idea.title() + ": tests " + idea.change() + ".");
    e.put("hypothesis", "We believe " + idea.change() + " will improve " + metricTitle(idea.primary().get(0))
        + " without hurting the guardrails.");

    ArrayNode groups = e.putArray("groups");
    List<String> names = idea.groups();
    double even = Math.floor(1000.0 / names.size()) / 10;
    for (int g = 0; g < names.size(); g++) {
      ObjectNode group = groups.addObject();
      group.put("name", names.get(g));
      group.put("id", Seeds.opaqueId(seed, "group", id, g));
      group.put("size", g == names.size() - 1 ? Stats.round(100 - even * (names.size() - 1), 1) : even);
      group.putObject("parameterValues").put("variant", names.get(g).toLowerCase().replaceAll("[^a-z0-9$]+", "_"));
      group.put("disabled", false);
      group.put("description", g == 0 ? "Current experience" : names.get(g));
    }
    e.put("controlGroupID", groups.get(0).path("id").asText());
    e.put("allocation", r.nextInt(4) == 0 ? 50 : 100);
    e.set("primaryMetrics", metricRefs(idea.primary()));
    e.set("secondaryMetrics", metricRefs(idea.secondary()));
    e.putArray("otherMetrics");
    e.putArray("primaryMetricTags");
    e.putArray("secondaryMetricTags");
    e.put("duration", 14 + 7 * r.nextInt(3));
    e.put("targetExposures", 0);
    e.putNull("targetingGateID");
    e.put("sequentialTesting", r.nextInt(3) == 0);
    e.put("bonferroniCorrection", false);
    e.put("defaultConfidenceInterval", idea.effects() != null ? "95" : new String[] {"95", "95", "90", "99"}[r.nextInt(4)]);
    e.put("status", status);
    e.put("team", idea.team());
    e.put("teamID", People.teamId(seed, idea.team()));
    e.set("tags", tags(idea, r));
    e.putArray("targetApps");
    e.putArray("holdoutIDs");
    e.put("version", 1 + r.nextInt(8));
    e.set("owner", People.owner(seed, creator));
    e.put("analyticsType", "default");
    e.put("isAnalysisOnly", false);
    vocabulary.layers().stream().filter(l -> l.team().equals(idea.team()) && r.nextInt(2) == 0)
        .map(LayerSpec::id).findFirst().ifPresentOrElse(l -> e.put("layerID", l), () -> e.putNull("layerID"));
    long created = dates(e, idea, status, r);
    People.stamp(e, seed, creator, created, modifier, Math.max(created, lastChange(e)));
    e.put("healthCheckStatus", status.equals("setup") ? "NOT_STARTED" : "PASSED");
    return e;
  }

  /** Start, end and decision times for the status; returns the creation time. */
  private long dates(ObjectNode e, ExperimentSpec idea, String status, SplittableRandom r) {
    LocalDate today = calendar.today();
    int duration = e.path("duration").asInt();
    LocalDate start = null;
    LocalDate end = null;
    LocalDate decision = null;
    switch (status) {
      case "setup" -> { }
      case "active" -> start = today.minusDays(3 + r.nextInt(40));
      case "decision_made" -> {
        decision = decisionDay(idea.decidedQuartersAgo(), r);
        start = decision.minusDays(duration + r.nextInt(10));
        end = decision;
      }
      default -> {
        start = today.minusDays(30 + r.nextInt(300));
        end = start.plusDays(5 + r.nextInt(duration));
      }
    }
    e.put("startTime", start == null ? null : Calendar.startOf(start) + 15 * 3_600_000L);
    e.put("endTime", end == null ? null : Calendar.startOf(end) + 16 * 3_600_000L);
    e.put("decisionTime", decision == null ? null : Calendar.startOf(decision) + 17 * 3_600_000L);
    if (decision != null) {
      int ship = idea.ship() != null ? idea.ship() : r.nextInt(e.path("groups").size());
      ObjectNode shipped = (ObjectNode) e.path("groups").get(ship);
      e.put("launchedGroupID", shipped.path("id").asText());
      e.put("decisionReason", ship == 0
          ? "No significant movement on " + metricTitle(idea.primary().get(0)) + "; keeping the current experience."
          : "Shipping " + shipped.path("name").asText() + ": " + metricTitle(idea.primary().get(0))
              + " improved with no guardrail regressions.");
    } else {
      e.putNull("launchedGroupID");
      e.put("decisionReason", status.equals("abandoned") ? "Abandoned: implementation bug skewed exposures." : null);
    }
    LocalDate created = (start == null ? today : start).minusDays(2 + r.nextInt(12));
    return Calendar.startOf(created) + 10 * 3_600_000L;
  }

  private static long lastChange(ObjectNode e) {
    long t = 0;
    for (String f : new String[] {"startTime", "endTime", "decisionTime"}) {
      t = Math.max(t, e.path(f).asLong(0));
    }
    return t;
  }

  /** A day in this quarter (0) or an earlier one (1 = last quarter); drawn over ~200 days when unpinned. */
  private LocalDate decisionDay(Integer quartersAgo, SplittableRandom r) {
    LocalDate today = calendar.today();
    if (quartersAgo == null) {
      return today.minusDays(1 + r.nextInt(200));
    }
    LocalDate from = calendar.quarterStart().minusMonths(3L * quartersAgo);
    LocalDate to = quartersAgo == 0 ? today : calendar.quarterStart().minusDays(1);
    long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
    return from.plusDays(r.nextLong(span));
  }


  private ArrayNode metricRefs(List<String> metricIds) {
    ArrayNode out = Json.array();
    for (String id : metricIds) {
      MetricSpec m = vocabulary.metric(id);
      out.addObject().put("name", m.name()).put("type", m.type()).put("direction", m.directionality());
    }
    return out;
  }

  private ArrayNode tags(ExperimentSpec idea, SplittableRandom r) {
    Set<String> tags = new LinkedHashSet<>();
    tags.add(idea.team().toLowerCase());
    for (String metricId : idea.primary()) {
      vocabulary.metric(metricId).tags().stream().filter(t -> vocabulary.tags().stream().anyMatch(v -> v.name().equals(t)))
          .forEach(tags::add);
    }
    if (r.nextInt(4) == 0) {
      tags.add("mobile");
    }
    tags.removeIf(t -> vocabulary.tags().stream().noneMatch(v -> v.name().equals(t)));
    return Json.strings(new ArrayList<>(tags));
  }

  private String metricTitle(String metricId) {
    return vocabulary.metric(metricId).name().replace('_', ' ');
  }
}
