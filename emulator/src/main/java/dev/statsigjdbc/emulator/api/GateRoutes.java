package dev.statsigjdbc.emulator.api;

import static com.fasterxml.jackson.databind.node.JsonNodeType.ARRAY;
import static com.fasterxml.jackson.databind.node.JsonNodeType.BOOLEAN;
import static com.fasterxml.jackson.databind.node.JsonNodeType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.EntityStore;
import dev.statsigjdbc.emulator.data.Json;
import dev.statsigjdbc.emulator.data.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Feature gates: list, one, rules and their pulse results, versions, and every gate write. */
final class GateRoutes {
  private static final String BASE = "/console/v1/gates";
  private static final String KIND = "Gate";
  private static final Set<String> TYPES = Set.of("TEMPORARY", "PERMANENT", "STALE", "TEMPLATE");
  private static final Map<String, JsonNodeType> FIELDS = Map.of("id", STRING, "name", STRING, "description", STRING,
      "idType", STRING, "isEnabled", BOOLEAN, "rules", ARRAY, "tags", ARRAY, "monitoringMetrics", ARRAY, "team", STRING,
      "type", STRING);
  private static final Set<String> SYSTEM = Set.of("status", "lastModifierID", "lastModifiedTime", "lastModifierName",
      "lastModifierEmail", "version", "codeCleanup");

  private final ApiContext ctx;

  GateRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  private EntityStore store() {
    return ctx.dataset().gates();
  }

  void register(Router r) {
    r.read("GET " + BASE, (q, c) -> list(q));
    r.read("GET " + BASE + "/{id}", (q, c) -> Envelopes.single("Gate read successfully.", gate(q.path("id"))));
    r.read("GET " + BASE + "/{id}/rules", (q, c) -> rules(q));
    r.read("GET " + BASE + "/{id}/rules/{ruleID}/pulse_results", (q, c) -> rulePulse(q));
    r.read("GET " + BASE + "/{id}/versions", (q, c) -> {
      gate(q.path("id"));
      return ctx.paginator().page(q, "Gate versions listed successfully.", store().versions(q.path("id")));
    });
    r.write("POST " + BASE, (q, c) -> created(create(Mutations.body(c, FIELDS))));
    r.write("POST " + BASE + "/{id}", (q, c) -> updated(ctx.mutations().replace(store(), KIND, q.path("id"),
        withRuleIds(Mutations.body(c, FIELDS), q.path("id")), SYSTEM, "gate_update")));
    r.write("PATCH " + BASE + "/{id}", (q, c) -> updated(ctx.mutations().patch(store(), KIND, q.path("id"),
        withRuleIds(Mutations.body(c, FIELDS), q.path("id")), SYSTEM, "gate_update")));
    r.write("DELETE " + BASE + "/{id}", (q, c) -> {
      ctx.mutations().delete(store(), KIND, q.path("id"), "config_delete");
      return Envelopes.message("Gate deleted successfully.");
    });
    r.write("PUT " + BASE + "/{id}/enable", (q, c) -> updated(transition(q.path("id"), "Enabled Gate", g -> {
      g.put("isEnabled", true);
      if (g.path("status").asText().equals("Disabled")) {
        g.put("status", "In Progress");
      }
    })));
    r.write("PUT " + BASE + "/{id}/disable", (q, c) -> updated(transition(q.path("id"), "Disabled Gate",
        g -> g.put("isEnabled", false).put("status", "Disabled"))));
    r.write("PUT " + BASE + "/{id}/launch", (q, c) -> updated(transition(q.path("id"), "Launched Gate", g -> {
      g.put("isEnabled", true).put("status", "Launched");
      g.path("rules").forEach(rule -> ((ObjectNode) rule).put("passPercentage", 100));
    })));
    r.write("PUT /emulator/gates/{id}/code_cleanup", (q, c) -> updated(transition(q.path("id"), "Started Code Cleanup",
        g -> g.putObject("codeCleanup").put("status", "started"))));
  }

  private ObjectNode list(Query q) {
    List<Predicate<ObjectNode>> parts = new ArrayList<>();
    List<String> idTypes = q.strings("idType");
    if (!idTypes.isEmpty()) {
      parts.add(g -> idTypes.contains(g.path("idType").asText()));
    }
    q.string("type").ifPresent(t -> {
      if (!TYPES.contains(t)) {
        throw new ApiException(400, "Unknown gate type '" + t + "'; use one of TEMPORARY, PERMANENT, STALE, TEMPLATE.");
      }
      parts.add(g -> t.equals(g.path("type").asText()));
    });
    q.string("typeReason").ifPresent(t -> parts.add(g -> t.equals(g.path("typeReason").asText())));
    for (String field : new String[] {"creatorName", "creatorID", "releasePipelineID"}) {
      q.string(field).ifPresent(v -> parts.add(g -> v.equals(g.path(field).asText())));
    }
    List<String> passRates = q.strings("passRate");
    if (!passRates.isEmpty()) {
      parts.add(g -> passRates.contains(passRateClass(g)));
    }
    List<String> tags = q.strings("tags");
    if (!tags.isEmpty()) {
      parts.add(g -> tags.stream().anyMatch(t -> ExperimentFilter.contains(g.path("tags"), t)));
    }
    return ctx.listPage(q, "Gates listed successfully.", store(), parts.stream().reduce(Predicate::and).orElse(g -> true),
        !parts.isEmpty());
  }

  /** The spec's pass-rate buckets: "0", "100" or "INBETWEEN" over the gate's rules. */
  private static String passRateClass(ObjectNode gate) {
    boolean all0 = true;
    boolean all100 = true;
    for (JsonNode rule : gate.path("rules")) {
      double p = rule.path("passPercentage").asDouble();
      all0 &= p == 0;
      all100 &= p == 100;
    }
    return all0 ? "0" : all100 ? "100" : "INBETWEEN";
  }

  private ObjectNode gate(String id) {
    return ctx.one(store(), KIND, id);
  }

  private ObjectNode rules(Query q) {
    JsonNode rules = gate(q.path("id")).path("rules");
    if (ctx.quirks().gateRulesWrapped()) {
      ObjectNode data = Json.object();
      data.set("rules", rules);
      return Envelopes.single("Gate rules read successfully.", data);
    }
    return Envelopes.single("Gate rules read successfully.", rules);
  }

  private ObjectNode rulePulse(Query q) {
    ObjectNode gate = gate(q.path("id"));
    String ruleId = q.path("ruleID");
    for (JsonNode rule : gate.path("rules")) {
      if (rule.path("id").asText().equals(ruleId)) {
        return Envelopes.single("Successfully loaded Pulse Results", ctx.dataset().pulse().gateRuleResults(gate, rule));
      }
    }
    throw new ApiException(404, "Rule '" + ruleId + "' not found on gate '" + gate.path("id").asText() + "'.");
  }

  private ObjectNode create(ObjectNode body) {
    String name = Mutations.requiredText(body, "name");
    String id = body.path("id").asText(name);
    ObjectNode g = withRuleIds(body, id);
    g.put("id", id);
    g.put("name", name);
    if (!g.has("rules")) {
      g.putArray("rules");
    }
    if (!g.has("tags")) {
      g.putArray("tags");
    }
    g.put("isEnabled", g.path("isEnabled").asBoolean(true));
    g.put("status", "In Progress");
    g.put("type", g.path("type").asText("TEMPORARY"));
    g.put("idType", g.path("idType").asText("userID"));
    g.put("version", 1);
    return ctx.mutations().create(store(), KIND, id, g, "gate_create");
  }

  /** Rules need a name and a pass percentage in [0, 100]; new rules get an id. */
  private ObjectNode withRuleIds(ObjectNode body, String gateId) {
    int index = 0;
    for (JsonNode rule : body.path("rules")) {
      double pass = rule.path("passPercentage").asDouble(-1);
      if (!rule.isObject() || !rule.path("name").isTextual() || !rule.path("passPercentage").isNumber() || pass < 0
          || pass > 100) {
        throw new ApiException(400, "Each rule needs a 'name' (string) and a 'passPercentage' between 0 and 100: " + rule);
      }
      if (!rule.hasNonNull("id")) {
        ((ObjectNode) rule).put("id", Seeds.opaqueId(ctx.dataset().seed(), "newRule", gateId, index,
            rule.path("name").asText()));
      }
      if (!rule.has("conditions")) {
        ((ObjectNode) rule).putArray("conditions");
      }
      index++;
    }
    return body;
  }

  private ObjectNode transition(String id, String changeLog, Consumer<ObjectNode> change) {
    ObjectNode old = ctx.mutations().existing(store(), KIND, id);
    ObjectNode g = old.deepCopy();
    change.accept(g);
    return ctx.mutations().save(store(), KIND, id, old, g, "gate_update", changeLog);
  }

  private static ObjectNode created(ObjectNode g) {
    return Envelopes.single("Gate created successfully.", g);
  }

  private static ObjectNode updated(ObjectNode g) {
    return Envelopes.single("Gate updated successfully.", g);
  }
}
