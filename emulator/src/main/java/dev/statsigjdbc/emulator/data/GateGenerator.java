package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Vocabulary.GateArea;
import dev.statsigjdbc.emulator.data.Vocabulary.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Feature gates (ExternalGateDto) named after product areas and features, with rules whose pass
 * percentages follow the gate's status. The first gate is always {@code new_onboarding}, a gate
 * in progress with three rules and monitoring metrics.
 */
final class GateGenerator {
  private static final String[] PLATFORMS = {"", "_ios", "_android", "_web"};
  private static final String[] STATUSES = {"Launched", "In Progress", "Disabled", "Archived"};
  private static final int[] STATUS_WEIGHTS = {35, 35, 15, 15};

  private final long seed;
  private final Calendar calendar;
  private final Vocabulary vocabulary;

  GateGenerator(long seed, Calendar calendar, Vocabulary vocabulary) {
    this.seed = seed;
    this.calendar = calendar;
    this.vocabulary = vocabulary;
  }

  void generate(int count, EntityStore into) {
    into.put("new_onboarding", newOnboarding());
    List<String[]> names = new ArrayList<>(); // {id, team}
    for (String platform : PLATFORMS) {
      for (GateArea area : vocabulary.gateAreas()) {
        for (String feature : area.features()) {
          names.add(new String[] {area.prefix() + "_" + feature + platform, area.team()});
        }
      }
    }
    for (int i = 1; i < count; i++) {
      String[] name = names.get((i - 1) % names.size());
      String id = i - 1 < names.size() ? name[0] : name[0] + "_" + i;
      into.put(id, gate(id, name[1]));
    }
  }

  private ObjectNode newOnboarding() {
    ObjectNode g = base("new_onboarding", "Onboarding", "In Progress",
        "New onboarding flow: interest picker, progress bar and a first-order offer.");
    ArrayNode rules = g.putArray("rules");
    rules.add(rule("new_onboarding", 0, "Employees", 100, segmentCondition("internal_employees")));
    rules.add(rule("new_onboarding", 1, "New users in US and CA", 50, countryCondition("US", "CA")));
    rules.add(rule("new_onboarding", 2, "Everyone else", 20, publicCondition()));
    ArrayNode metrics = g.putArray("monitoringMetrics");
    metrics.addObject().put("name", "activation").put("type", "event_user");
    metrics.addObject().put("name", "d7_retention").put("type", "ratio");
    g.put("measureMetricLifts", true);
    g.set("tags", Json.strings(List.of("onboarding", "q_priority")));
    return g;
  }

  private ObjectNode gate(String id, String team) {
    SplittableRandom r = Seeds.random(seed, "gate", id);
    String status = Seeds.weighted(r, STATUSES, STATUS_WEIGHTS);
    ObjectNode g = base(id, team, status, "Controls " + id.replace('_', ' ') + " for " + team + ".");
    int rollout = switch (status) {
      case "Launched", "Archived" -> 100;
      case "Disabled" -> 0;
      default -> new int[] {1, 5, 10, 25, 50}[r.nextInt(5)];
    };
    ArrayNode rules = g.putArray("rules");
    int n = 0;
    if (r.nextInt(3) > 0) {
      rules.add(rule(id, n++, "Employees", 100, segmentCondition("internal_employees")));
    }
    if (r.nextInt(3) == 0) {
      rules.add(rule(id, n++, "Beta testers", 100, segmentCondition("beta_testers")));
    }
    rules.add(rule(id, n, "Public rollout", rollout, publicCondition()));
    g.putArray("monitoringMetrics");
    g.put("measureMetricLifts", r.nextBoolean());
    String tag = team.toLowerCase();
    g.set("tags", Json.strings(vocabulary.tags().stream().anyMatch(t -> t.name().equals(tag)) ? List.of(tag) : List.of()));
    return g;
  }

  private ObjectNode base(String id, String team, String status, String description) {
    SplittableRandom r = Seeds.random(seed, "gateBase", id);
    List<Person> people = vocabulary.people();
    Person creator = people.stream().filter(p -> p.team().equals(team)).findFirst().orElse(people.get(0));
    Person modifier = people.get(r.nextInt(people.size()));
    long created = Calendar.startOf(calendar.today().minusDays(20 + r.nextInt(400))) + 11 * 3_600_000L;
    long modified = Math.min(created + r.nextLong(200) * Calendar.DAY_MS, Calendar.startOf(calendar.today()));
    ObjectNode g = Json.object();
    g.put("id", id);
    g.put("name", id);
    g.put("description", description);
    g.put("idType", "userID");
    People.stamp(g, seed, creator, created, modifier, modified);
    g.put("isEnabled", !status.equals("Disabled"));
    g.put("status", status);
    g.put("type", status.equals("Launched") ? "PERMANENT" : status.equals("Archived") ? "STALE" : "TEMPORARY");
    g.put("typeReason", status.equals("Archived") ? "STALE_PROBABLY_LAUNCHED" : "NONE");
    g.put("team", team);
    g.put("teamID", People.teamId(seed, team));
    g.putArray("targetApps");
    g.putArray("holdoutIDs");
    g.put("isTemplate", false);
    g.put("version", 1 + r.nextInt(12));
    g.set("owner", People.owner(seed, creator));
    return g;
  }

  private ObjectNode rule(String gateId, int index, String name, int passPercentage, ObjectNode condition) {
    ObjectNode rule = Json.object();
    rule.put("id", Seeds.opaqueId(seed, "rule", gateId, index));
    rule.put("baseID", rule.path("id").asText());
    rule.put("name", name);
    rule.put("passPercentage", passPercentage);
    rule.putArray("conditions").add(condition);
    rule.put("environments", (String) null);
    return rule;
  }

  private static ObjectNode segmentCondition(String segment) {
    ObjectNode c = Json.object().put("type", "passes_segment");
    c.putArray("targetValue").add(segment);
    return c.put("operator", "any");
  }

  private static ObjectNode countryCondition(String... countries) {
    ObjectNode c = Json.object().put("type", "country").put("operator", "any");
    c.set("targetValue", Json.strings(List.of(countries)));
    return c;
  }

  private static ObjectNode publicCondition() {
    return Json.object().put("type", "public");
  }

}
