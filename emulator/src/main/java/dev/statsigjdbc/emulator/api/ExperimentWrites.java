package dev.statsigjdbc.emulator.api;

import static com.fasterxml.jackson.databind.node.JsonNodeType.ARRAY;
import static com.fasterxml.jackson.databind.node.JsonNodeType.BOOLEAN;
import static com.fasterxml.jackson.databind.node.JsonNodeType.NUMBER;
import static com.fasterxml.jackson.databind.node.JsonNodeType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.EntityStore;
import dev.statsigjdbc.emulator.data.Seeds;
import java.util.Map;
import java.util.Set;

/** Experiment writes: create, full replace, partial update, delete, and the status transitions. */
final class ExperimentWrites {
  private static final String BASE = "/console/v1/experiments";
  private static final String KIND = "Experiment";
  static final Map<String, JsonNodeType> FIELDS = Map.ofEntries(
      Map.entry("id", STRING), Map.entry("name", STRING), Map.entry("description", STRING),
      Map.entry("hypothesis", STRING), Map.entry("idType", STRING), Map.entry("layerID", STRING),
      Map.entry("team", STRING), Map.entry("groups", ARRAY), Map.entry("primaryMetrics", ARRAY),
      Map.entry("secondaryMetrics", ARRAY), Map.entry("tags", ARRAY), Map.entry("allocation", NUMBER),
      Map.entry("duration", NUMBER), Map.entry("targetingGateID", STRING), Map.entry("sequentialTesting", BOOLEAN),
      Map.entry("defaultConfidenceInterval", STRING), Map.entry("decisionReason", STRING));
  /** Owned by the API: kept by a full replace, refused by a partial update. */
  private static final Set<String> SYSTEM = Set.of("status", "startTime", "endTime", "decisionTime", "launchedGroupID",
      "lastModifierID", "lastModifiedTime", "lastModifierName", "lastModifierEmail", "version",
      "codeCleanup");

  private final ApiContext ctx;

  ExperimentWrites(ApiContext ctx) {
    this.ctx = ctx;
  }

  private EntityStore store() {
    return ctx.dataset().experiments();
  }

  void register(Router r) {
    r.write("POST " + BASE, (q, c) -> created(create(Mutations.body(c, FIELDS))));
    r.write("POST " + BASE + "/{id}", (q, c) -> updated(ctx.mutations().replace(store(), KIND, q.path("id"),
        withGroups(Mutations.body(c, FIELDS), q.path("id")), SYSTEM, "experiment_edit")));
    r.write("PATCH " + BASE + "/{id}", (q, c) -> updated(ctx.mutations().patch(store(), KIND, q.path("id"),
        withGroups(Mutations.body(c, FIELDS), q.path("id")), SYSTEM, "experiment_edit")));
    r.write("DELETE " + BASE + "/{id}", (q, c) -> {
      ctx.mutations().delete(store(), KIND, q.path("id"), "experiment_delete");
      return Envelopes.message("Experiment deleted successfully.");
    });
    r.write("PUT " + BASE + "/{id}/start", (q, c) -> updated(start(q.path("id"))));
    r.write("PUT " + BASE + "/{id}/make_decision", (q, c) -> updated(decide(q.path("id"), Mutations.body(c, FIELDS))));
    r.write("PUT " + BASE + "/{id}/abandon", (q, c) -> updated(abandon(q.path("id"), c.body())));
    r.write("PUT /emulator/experiments/{id}/code_cleanup", (q, c) -> updated(codeCleanup(q.path("id"))));
  }

  private ObjectNode create(ObjectNode body) {
    String name = Mutations.requiredText(body, "name");
    String id = body.path("id").asText(name);
    ObjectNode e = withGroups(body, id);
    e.put("id", id);
    e.put("name", name);
    e.put("status", "setup");
    for (String list : new String[] {"primaryMetrics", "secondaryMetrics", "tags"}) {
      if (!e.has(list)) {
        e.putArray(list);
      }
    }
    e.put("idType", e.path("idType").asText("userID"));
    e.put("allocation", e.path("allocation").asDouble(100));
    e.put("defaultConfidenceInterval", e.path("defaultConfidenceInterval").asText("95"));
    e.put("version", 1);
    e.putNull("startTime").putNull("endTime").putNull("decisionTime").putNull("launchedGroupID");
    return ctx.mutations().create(store(), KIND, id, e, "experiment_create");
  }

  /** Checks the groups of a body (defaulting to Control/Test 50/50 on create) and gives each an id. */
  private ObjectNode withGroups(ObjectNode body, String experimentId) {
    if (!body.has("groups")) {
      if (store().contains(experimentId)) {
        return body;
      }
      ArrayNode groups = body.putArray("groups");
      groups.addObject().put("name", "Control").put("size", 50).putObject("parameterValues");
      groups.addObject().put("name", "Test").put("size", 50).putObject("parameterValues");
    }
    double total = 0;
    int index = 0;
    for (JsonNode g : body.path("groups")) {
      if (!g.isObject() || !g.path("name").isTextual() || !g.path("size").isNumber()) {
        throw new ApiException(400, "Each group needs a 'name' (string) and a 'size' (percent, number): " + g);
      }
      ObjectNode group = (ObjectNode) g;
      if (!group.hasNonNull("id")) {
        group.put("id", Seeds.opaqueId(ctx.dataset().seed(), "newGroup", experimentId, index, group.path("name").asText()));
      }
      if (!group.has("parameterValues")) {
        group.putObject("parameterValues");
      }
      total += group.path("size").asDouble();
      index++;
    }
    if (index < 2 || Math.abs(total - 100) > 0.01) {
      throw new ApiException(400, "An experiment needs at least two groups whose sizes add up to 100; got " + index
          + " group(s) adding up to " + total + ".");
    }
    if (!body.hasNonNull("controlGroupID")) {
      body.put("controlGroupID", body.path("groups").get(0).path("id").asText());
    }
    return body;
  }

  private ObjectNode start(String id) {
    ObjectNode old = ctx.mutations().existing(store(), KIND, id);
    requireStatus(old, "start", "setup");
    ObjectNode e = old.deepCopy();
    e.put("status", "active");
    e.put("startTime", ctx.mutations().now());
    return ctx.mutations().save(store(), KIND, id, old, e, "experiment_start", "Started Experiment");
  }

  private ObjectNode decide(String id, ObjectNode body) {
    ObjectNode old = ctx.mutations().existing(store(), KIND, id);
    String groupId = Mutations.requiredText(body, "id");
    String reason = Mutations.requiredText(body, "decisionReason");
    requireStatus(old, "make a decision on", "active", "experiment_stopped", "assignment_stopped");
    boolean known = false;
    for (JsonNode g : old.path("groups")) {
      known |= g.path("id").asText().equals(groupId);
    }
    if (!known) {
      throw new ApiException(400, "Group '" + groupId + "' is not a group of experiment '" + id + "'.");
    }
    ObjectNode e = old.deepCopy();
    long now = ctx.mutations().now();
    e.put("status", "decision_made");
    e.put("launchedGroupID", groupId);
    e.put("decisionReason", reason);
    e.put("decisionTime", now);
    e.put("endTime", now);
    return ctx.mutations().save(store(), KIND, id, old, e, "experiment_decision_make", "Made Decision");
  }

  private ObjectNode abandon(String id, JsonNode body) {
    ObjectNode old = ctx.mutations().existing(store(), KIND, id);
    requireStatus(old, "abandon", "setup", "active", "experiment_stopped", "assignment_stopped");
    ObjectNode e = old.deepCopy();
    e.put("status", "abandoned");
    e.put("endTime", ctx.mutations().now());
    if (body != null && body.path("decisionReason").isTextual()) {
      e.put("decisionReason", body.path("decisionReason").asText());
    }
    return ctx.mutations().save(store(), KIND, id, old, e, "experiment_abandon", "Abandoned Experiment");
  }

  private ObjectNode codeCleanup(String id) {
    ObjectNode old = ctx.mutations().existing(store(), KIND, id);
    ObjectNode e = old.deepCopy();
    e.putObject("codeCleanup").put("status", "started").put("startedTime", ctx.mutations().now());
    return ctx.mutations().save(store(), KIND, id, old, e, "experiment_edit", "Started Code Cleanup");
  }

  private static void requireStatus(ObjectNode experiment, String action, String... allowed) {
    String status = experiment.path("status").asText();
    if (!Set.of(allowed).contains(status)) {
      throw new ApiException(400, "Cannot " + action + " experiment '" + experiment.path("id").asText() + "' in status '"
          + status + "'; allowed from: " + String.join(", ", allowed) + ".");
    }
  }

  private static ObjectNode created(ObjectNode e) {
    return Envelopes.single("Experiment created successfully.", e);
  }

  private static ObjectNode updated(ObjectNode e) {
    return Envelopes.single("Experiment updated successfully.", e);
  }
}
