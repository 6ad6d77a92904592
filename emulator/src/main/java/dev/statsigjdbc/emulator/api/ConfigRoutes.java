package dev.statsigjdbc.emulator.api;

import static com.fasterxml.jackson.databind.node.JsonNodeType.ARRAY;
import static com.fasterxml.jackson.databind.node.JsonNodeType.BOOLEAN;
import static com.fasterxml.jackson.databind.node.JsonNodeType.OBJECT;
import static com.fasterxml.jackson.databind.node.JsonNodeType.STRING;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.EntityStore;
import dev.statsigjdbc.emulator.data.Json;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Dynamic configs and layers: reads, versions, create and full replace. */
final class ConfigRoutes {
  private static final Map<String, JsonNodeType> CONFIG_FIELDS = Map.of("id", STRING, "name", STRING,
      "description", STRING, "idType", STRING, "isEnabled", BOOLEAN, "rules", ARRAY, "defaultValue", OBJECT,
      "schema", STRING, "tags", ARRAY, "team", STRING);
  private static final Map<String, JsonNodeType> LAYER_FIELDS = Map.of("id", STRING, "name", STRING,
      "description", STRING, "idType", STRING, "parameters", ARRAY, "tags", ARRAY, "team", STRING,
      "targetApps", ARRAY);
  private static final Set<String> SYSTEM = Set.of("lastModifierID", "lastModifiedTime", "lastModifierName",
      "lastModifierEmail", "version");

  private final ApiContext ctx;

  ConfigRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void register(Router r) {
    EntityStore configs = ctx.dataset().dynamicConfigs();
    String base = "/console/v1/dynamic_configs";
    r.read("GET " + base, (q, c) -> ctx.listPage(q, "Dynamic configs listed successfully.", configs,
        taggedFilter(q), !q.strings("tags").isEmpty() || q.string("creatorName").isPresent()));
    r.read("GET " + base + "/{id}", (q, c) -> Envelopes.single("Dynamic config read successfully.",
        ctx.one(configs, "Dynamic config", q.path("id"))));
    r.read("GET " + base + "/{id}/versions", (q, c) -> {
      ctx.one(configs, "Dynamic config", q.path("id"));
      return ctx.paginator().page(q, "Dynamic config versions listed successfully.", configs.versions(q.path("id")));
    });
    r.write("POST " + base, (q, c) -> Envelopes.single("Dynamic config created successfully.",
        create(configs, "Dynamic config", Mutations.body(c, CONFIG_FIELDS), "dynamic_config_create", d -> {
          if (!d.has("defaultValue")) {
            d.putObject("defaultValue");
          }
          d.put("isEnabled", d.path("isEnabled").asBoolean(true));
          if (!d.has("rules")) {
            d.putArray("rules");
          }
        })));
    r.write("POST " + base + "/{id}", (q, c) -> Envelopes.single("Dynamic config updated successfully.",
        ctx.mutations().replace(configs, "Dynamic config", q.path("id"), Mutations.body(c, CONFIG_FIELDS), SYSTEM,
            "config_conditions_update")));

    EntityStore layers = ctx.dataset().layers();
    r.read("GET /console/v1/layers", (q, c) -> ctx.listPage(q, "Layers listed successfully.", layers, l -> true, false));
    r.read("GET /console/v1/layers/{id}", (q, c) -> Envelopes.single("Layer read successfully.",
        ctx.one(layers, "Layer", q.path("id"))));
    r.write("POST /console/v1/layers", (q, c) -> Envelopes.single("Layer created successfully.",
        create(layers, "Layer", Mutations.body(c, LAYER_FIELDS), "layer_create", l -> {
          if (!l.has("parameters")) {
            l.putArray("parameters");
          }
          l.put("isImplicitLayer", false);
        })));
    r.write("POST /console/v1/layers/{id}", (q, c) -> Envelopes.single("Layer updated successfully.",
        ctx.mutations().replace(layers, "Layer", q.path("id"), Mutations.body(c, LAYER_FIELDS), SYSTEM, "layer_edit")));
  }

  private static Predicate<ObjectNode> taggedFilter(Query q) {
    var tags = q.strings("tags");
    var creator = q.string("creatorName");
    return d -> (tags.isEmpty() || tags.stream().anyMatch(t -> ExperimentFilter.contains(d.path("tags"), t)))
        && creator.map(n -> n.equals(d.path("creatorName").asText())).orElse(true);
  }

  /** Creates an entity named by its body's {@code name} (its id), after kind-specific defaults. */
  private ObjectNode create(EntityStore store, String kind, ObjectNode body, String action,
      Consumer<ObjectNode> defaults) {
    String name = Mutations.requiredText(body, "name");
    String id = body.path("id").asText(name);
    body.put("id", id);
    body.put("name", name);
    if (!body.has("tags")) {
      body.set("tags", Json.array());
    }
    body.put("version", 1);
    defaults.accept(body);
    return ctx.mutations().create(store, kind, id, body, action);
  }
}
