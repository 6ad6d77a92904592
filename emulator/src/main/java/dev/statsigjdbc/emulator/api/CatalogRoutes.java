package dev.statsigjdbc.emulator.api;

import static com.fasterxml.jackson.databind.node.JsonNodeType.ARRAY;
import static com.fasterxml.jackson.databind.node.JsonNodeType.BOOLEAN;
import static com.fasterxml.jackson.databind.node.JsonNodeType.NUMBER;
import static com.fasterxml.jackson.databind.node.JsonNodeType.OBJECT;
import static com.fasterxml.jackson.databind.node.JsonNodeType.STRING;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.EntityStore;
import dev.statsigjdbc.emulator.data.Seeds;
import java.util.Map;
import java.util.Set;

/** Segments, tags, parameter stores and autotunes. */
final class CatalogRoutes {
  private static final Set<String> SEGMENT_TYPES = Set.of("id_list", "rule_based");
  private static final Map<String, JsonNodeType> SEGMENT_FIELDS = Map.of("name", STRING, "id", STRING,
      "description", STRING, "type", STRING, "idType", STRING, "tags", ARRAY);
  private static final Map<String, JsonNodeType> RULES_FIELDS = Map.of("conditions", ARRAY, "passPercentage", NUMBER,
      "name", STRING, "returnValue", OBJECT);
  private static final Map<String, JsonNodeType> TAG_FIELDS = Map.of("name", STRING, "description", STRING,
      "isCore", BOOLEAN);
  private static final Map<String, JsonNodeType> AUTOTUNE_FIELDS = Map.of("name", STRING, "variants", ARRAY,
      "successEvent", STRING, "explorationWindow", STRING, "attributionWindow", STRING, "winnerThreshold", STRING,
      "description", STRING);

  private final ApiContext ctx;

  CatalogRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void register(Router r) {
    EntityStore segments = ctx.dataset().segments();
    r.read("GET /console/v1/segments", (q, c) -> ctx.listPage(q, "Segments listed successfully.", segments, s -> true, false));
    r.read("GET /console/v1/segments/{id}", (q, c) -> Envelopes.single("Segment read successfully.",
        ctx.one(segments, "Segment", q.path("id"))));
    r.write("POST /console/v1/segments", (q, c) -> Envelopes.single("Segment created successfully.",
        createSegment(Mutations.body(c, SEGMENT_FIELDS))));
    r.write("POST /console/v1/segments/{id}/conditional", (q, c) -> Envelopes.single("Segment updated successfully.",
        updateRules(q.path("id"), Mutations.body(c, RULES_FIELDS))));

    EntityStore tags = ctx.dataset().tags();
    r.read("GET /console/v1/tags", (q, c) -> ctx.listPage(q, "Tags listed successfully", tags, t -> true, false));
    r.read("GET /console/v1/tags/{id}", (q, c) -> Envelopes.single("Tag read successfully.", tag(q.path("id"))));
    r.write("POST /console/v1/tags", (q, c) -> Envelopes.single("Tag created successfully.",
        createTag(Mutations.body(c, TAG_FIELDS))));

    r.read("GET /console/v1/param_stores", (q, c) -> ctx.listPage(q, "List param stores success",
        ctx.dataset().paramStores(), p -> true, false));
    r.write("POST /console/v1/autotunes", (q, c) -> Envelopes.single("Autotune created successfully.",
        createAutotune(Mutations.body(c, AUTOTUNE_FIELDS))));
  }

  private ObjectNode createSegment(ObjectNode body) {
    String id = body.path("id").asText(Mutations.requiredText(body, "name"));
    String type = Mutations.requiredText(body, "type");
    if (!SEGMENT_TYPES.contains(type)) {
      throw new ApiException(400, "Field 'type' must be id_list or rule_based, got '" + type + "'.");
    }
    body.put("id", id);
    body.put("isEnabled", true);
    body.put("count", 0);
    if (!body.has("tags")) {
      body.putArray("tags");
    }
    return ctx.mutations().create(ctx.dataset().segments(), "Segment", id, body, "segment_create");
  }

  private ObjectNode updateRules(String id, ObjectNode rules) {
    ObjectNode old = ctx.mutations().existing(ctx.dataset().segments(), "Segment", id);
    if (!old.path("type").asText().equals("rule_based")) {
      throw new ApiException(400, "Segment '" + id + "' is an " + old.path("type").asText()
          + " segment; only rule_based segments have conditions.");
    }
    Mutations.requireFields(rules, "conditions");
    ObjectNode s = old.deepCopy();
    s.set("rules", rules);
    return ctx.mutations().save(ctx.dataset().segments(), "Segment", id, old, s, "segment_create",
        "Updated Segment Conditions");
  }

  /** A tag by id, or by name since tags are usually referred to by name. */
  private ObjectNode tag(String idOrName) {
    EntityStore tags = ctx.dataset().tags();
    return tags.find(idOrName).or(() -> tags.all().stream().filter(t -> t.path("name").asText().equals(idOrName))
        .findFirst()).orElseThrow(() -> Envelopes.notFound("Tag", idOrName));
  }

  private ObjectNode createTag(ObjectNode body) {
    String name = Mutations.requiredText(body, "name");
    Mutations.requiredText(body, "description");
    if (ctx.dataset().tags().all().stream().anyMatch(t -> t.path("name").asText().equals(name))) {
      throw new ApiException(400, "Tag '" + name + "' already exists.");
    }
    String id = Seeds.opaqueId(ctx.dataset().seed(), "tag", name);
    body.put("id", id);
    body.put("isCore", body.path("isCore").asBoolean(false));
    return ctx.mutations().create(ctx.dataset().tags(), "Tag", id, body, "tag_create");
  }

  private ObjectNode createAutotune(ObjectNode body) {
    Mutations.requireFields(body, "variants", "successEvent", "explorationWindow", "attributionWindow",
        "winnerThreshold", "name");
    String name = Mutations.requiredText(body, "name");
    body.put("id", name);
    body.put("status", "setup");
    return ctx.mutations().create(ctx.dataset().autotunes(), "Autotune", name, body, "autotune_experiment_create");
  }
}
