package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Vocabulary.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The audit log, newest first: entries recorded by writes through the API, then a generated
 * history of {@link #generatedCount()} entries over the past year. A generated entry is a pure
 * function of (seed, index): nothing is stored, so a million entries cost no memory, and its time
 * falls in its own slot so that times decrease with the index (date filters become index ranges).
 */
public final class AuditLog {
  private static final long SPAN_MS = 365 * Calendar.DAY_MS;
  private static final String[][] EXPERIMENT_ACTIONS = {
      {"experiment_edit", "Edited Experiment"}, {"experiment_start", "Started Experiment"},
      {"experiment_description_edit", "Edited Experiment Description"}, {"hypothesis_edit", "Edited Hypothesis"},
      {"key_experiment_metrics_edit", "Edited Key Metrics"}, {"experiment_decision_make", "Made Decision"},
      {"experiment_create", "Created Experiment"}};
  private static final String[][] GATE_ACTIONS = {
      {"gate_update", "Updated Gate Rules"}, {"gate_create", "Created Gate"},
      {"gate_overrides_update", "Updated Gate Overrides"}, {"config_add_tag", "Added Tag to Gate"},
      {"update_gate_display_name", "Renamed Gate"}};

  private final long seed;
  private final long newestTime;
  private final int generatedCount;
  private final List<String> experimentIds;
  private final List<String> gateIds;
  private final List<Person> people;
  private final List<Recorded> recorded = new ArrayList<>();

  private record Recorded(byte[] json, long time, String name, String actionType) {}

  AuditLog(long seed, long newestTime, int generatedCount, List<String> experimentIds, List<String> gateIds,
      List<Person> people) {
    this.seed = seed;
    this.newestTime = newestTime;
    this.generatedCount = generatedCount;
    this.experimentIds = List.copyOf(experimentIds);
    this.gateIds = List.copyOf(gateIds);
    this.people = List.copyOf(people);
  }

  public int size() {
    return recorded.size() + generatedCount;
  }

  public int generatedCount() {
    return generatedCount;
  }

  /** Entry by position, 0 being the newest. */
  public ObjectNode get(int index) {
    if (index < recorded.size()) {
      return Json.parseObject(recordedAt(index).json());
    }
    return generated(index - recorded.size());
  }

  /** Time of an entry, cheap: no entry is built. */
  public long time(int index) {
    if (index < recorded.size()) {
      return recordedAt(index).time();
    }
    int g = index - recorded.size();
    long slot = SPAN_MS / Math.max(1, generatedCount);
    return newestTime - g * slot - Math.floorMod(Seeds.of(seed, "auditTime", g), Math.max(1, slot));
  }

  /** Entity name of an entry, cheap. */
  public String name(int index) {
    return index < recorded.size() ? recordedAt(index).name() : pick(index - recorded.size()).name;
  }

  /** Action type of an entry, cheap. */
  public String actionType(int index) {
    return index < recorded.size() ? recordedAt(index).actionType() : pick(index - recorded.size()).action[0];
  }

  /** Records a write made through the API. */
  public void record(String name, String actionType, String changeLog, long time, Person by, ObjectNode changes) {
    ObjectNode e = entry(Seeds.opaqueId(seed, "recordedAudit", recorded.size()), name, actionType, changeLog, time, by);
    e.set("changes", changes);
    recorded.add(new Recorded(Json.bytes(e), time, name, actionType));
  }

  private Recorded recordedAt(int index) {
    return recorded.get(recorded.size() - 1 - index);
  }

  private record Pick(String name, String[] action, Person by) {}

  private Pick pick(int g) {
    SplittableRandom r = Seeds.random(seed, "audit", g);
    boolean experiment = gateIds.isEmpty() || (!experimentIds.isEmpty() && r.nextInt(5) < 3);
    List<String> pool = experiment ? experimentIds : gateIds;
    String[][] actions = experiment ? EXPERIMENT_ACTIONS : GATE_ACTIONS;
    return new Pick(pool.get(r.nextInt(pool.size())), actions[r.nextInt(actions.length)], people.get(r.nextInt(people.size())));
  }

  private ObjectNode generated(int g) {
    Pick p = pick(g);
    return entry(Seeds.opaqueId(seed, "auditId", g), p.name, p.action[0], p.action[1], time(recorded.size() + g), p.by);
  }

  private ObjectNode entry(String id, String name, String actionType, String changeLog, long time, Person by) {
    ObjectNode e = Json.object();
    e.put("id", id);
    e.put("name", name);
    e.put("changeLog", changeLog);
    e.put("actionType", actionType);
    e.put("date", Calendar.auditDate(time));
    e.put("time", Calendar.auditTime(time));
    e.put("updatedBy", by.name());
    e.put("updatedByUserID", People.id(seed, by));
    e.put("modifierEmail", by.email());
    e.putArray("tags");
    return e;
  }
}
