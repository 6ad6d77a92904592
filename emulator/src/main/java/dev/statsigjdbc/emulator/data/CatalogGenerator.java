package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Vocabulary.ConfigSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.LayerSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.MetricSourceSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.MetricSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.ParamStoreSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.Person;
import dev.statsigjdbc.emulator.data.Vocabulary.SegmentSpec;
import dev.statsigjdbc.emulator.data.Vocabulary.TagSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The smaller entity families, each straight from its vocabulary list: metric definitions and
 * sources, tags, segments, layers, dynamic configs and parameter stores.
 */
final class CatalogGenerator {
  private final long seed;
  private final Calendar calendar;
  private final Vocabulary vocabulary;

  CatalogGenerator(long seed, Calendar calendar, Vocabulary vocabulary) {
    this.seed = seed;
    this.calendar = calendar;
    this.vocabulary = vocabulary;
  }

  void metrics(EntityStore into) {
    for (MetricSpec m : vocabulary.metrics()) {
      ObjectNode d = Json.object();
      d.put("id", m.id());
      d.put("name", m.name());
      d.put("directionality", m.directionality());
      d.put("type", m.type());
      d.put("description", m.description());
      d.put("isPermanent", m.tags().contains("north_star"));
      d.put("isReadOnly", false);
      d.put("isHidden", false);
      d.put("isVerified", m.tags().contains("north_star") || m.tags().contains("guardrail"));
      d.set("tags", Json.strings(m.tags()));
      Person owner = person("metric", m.id());
      d.put("creatorName", owner.name());
      d.put("creatorEmail", owner.email());
      d.put("createdTime", created("metric", m.id()));
      d.set("owner", People.owner(seed, owner));
      ObjectNode lineage = d.putObject("lineage");
      lineage.putArray("events").add(m.event());
      lineage.putArray("metrics");
      d.put("team", owner.team());
      d.putArray("unitTypes").add("userID").add("stableID");
      d.putArray("metricEvents").addObject().put("name", m.event())
          .put("type", m.isRate() ? null : "value").putArray("criteria");
      into.put(m.id(), d);
    }
  }

  void metricSources(EntityStore into) {
    for (MetricSourceSpec s : vocabulary.metricSources()) {
      ObjectNode d = Json.object();
      d.put("name", s.name());
      d.put("description", s.description());
      d.putArray("tags");
      d.put("sql", "SELECT *\nFROM " + s.table() + "\nWHERE DATE(" + s.timestamp()
          + ") BETWEEN {statsig_start_date} AND {statsig_end_date}\n");
      d.put("timestampColumn", s.timestamp());
      d.put("timestampAsDay", false);
      d.putArray("idTypeMapping").addObject().put("statsigUnitID", "userID").put("column", "user_id");
      d.put("sourceType", "query");
      d.put("tableName", s.table());
      into.put(s.name(), d);
    }
  }

  void tags(EntityStore into) {
    for (TagSpec t : vocabulary.tags()) {
      ObjectNode d = Json.object();
      d.put("id", Seeds.opaqueId(seed, "tag", t.name()));
      d.put("name", t.name());
      d.put("description", t.description());
      d.put("isCore", t.name().equals("north_star"));
      into.put(d.path("id").asText(), d);
    }
  }

  void segments(EntityStore into) {
    for (SegmentSpec s : vocabulary.segments()) {
      ObjectNode d = Json.object();
      d.put("id", s.id());
      d.put("isEnabled", true);
      d.put("description", s.description());
      Person p = person("segment", s.id());
      d.put("lastModifierName", p.name());
      d.put("lastModifierID", People.id(seed, p));
      d.put("type", s.type());
      if (s.type().equals("id_list")) {
        d.put("count", 200 + Seeds.random(seed, "segmentCount", s.id()).nextInt(20_000));
      } else {
        d.put("count", 0);
        ObjectNode rules = d.putObject("rules");
        rules.put("name", "All Conditions");
        rules.put("passPercentage", 100);
        ObjectNode c = rules.putArray("conditions").addObject();
        c.put("type", s.id().equals("eu_users") ? "country" : "email");
        c.put("operator", s.id().equals("eu_users") ? "any" : "str_contains_any");
        c.set("targetValue", Json.strings(s.id().equals("eu_users") ? List.of("DE", "FR", "ES", "IT", "NL")
            : List.of(s.id().equals("plus_members") ? "+plus" : "@lumengoods.com")));
      }
      d.putArray("tags");
      into.put(s.id(), d);
    }
  }

  void layers(EntityStore into) {
    for (LayerSpec l : vocabulary.layers()) {
      ObjectNode d = Json.object();
      d.put("id", l.id());
      d.put("name", l.id());
      d.put("description", l.description());
      d.put("idType", "userID");
      Person p = vocabulary.people().stream().filter(x -> x.team().equals(l.team())).findFirst().orElse(person("layer", l.id()));
      long created = created("layer", l.id());
      People.stamp(d, seed, p, created, p, created);
      d.putArray("targetApps");
      d.putArray("holdoutIDs");
      d.putArray("tags").add(l.team().toLowerCase());
      d.put("team", l.team());
      d.put("isImplicitLayer", false);
      ArrayNode params = d.putArray("parameters");
      l.parameters().forEach(name -> params.addObject().put("name", name).put("type", "string").put("defaultValue", "control"));
      into.put(l.id(), d);
    }
  }

  void dynamicConfigs(EntityStore into) {
    for (ConfigSpec c : vocabulary.dynamicConfigs()) {
      ObjectNode d = Json.object();
      d.put("id", c.id());
      d.put("name", c.id());
      d.put("description", c.description());
      d.put("idType", "userID");
      Person p = person("config", c.id());
      long created = created("config", c.id());
      People.stamp(d, seed, p, created, p, created + 9 * Calendar.DAY_MS);
      d.putArray("holdoutIDs");
      d.put("isEnabled", true);
      ObjectNode rule = d.putArray("rules").addObject();
      String ruleId = Seeds.opaqueId(seed, "configRule", c.id());
      rule.put("name", "Employees");
      rule.put("id", ruleId);
      rule.put("baseID", ruleId);
      rule.put("passPercentage", 100);
      rule.putArray("conditions").addObject().put("type", "passes_segment").put("operator", "any")
          .putArray("targetValue").add("internal_employees");
      rule.set("returnValue", c.defaultValue());
      d.set("defaultValue", c.defaultValue());
      d.put("schema", schemaOf(c.defaultValue())); // a JSON string, as the real API returns it
      d.putArray("tags");
      d.put("version", 1 + Seeds.random(seed, "configVersion", c.id()).nextInt(6));
      into.put(c.id(), d);
    }
  }

  void paramStores(EntityStore into) {
    for (ParamStoreSpec s : vocabulary.paramStores()) {
      ObjectNode d = Json.object();
      d.put("id", Seeds.opaqueId(seed, "paramStore", s.name()));
      d.put("name", s.name());
      d.put("displayName", s.name());
      d.put("description", s.description());
      d.put("createdTime", created("paramStore", s.name()));
      Person p = person("paramStore", s.name());
      d.put("creatorID", People.id(seed, p));
      d.put("lastModifierID", People.id(seed, p));
      ArrayNode params = d.putArray("parameters");
      for (Map.Entry<String, Object> e : s.parameters().entrySet()) {
        ObjectNode prm = params.addObject().put("name", e.getKey()).put("ref_type", "static");
        JsonNode value = Json.MAPPER.valueToTree(e.getValue());
        prm.put("param_type", value.isBoolean() ? "boolean" : value.isNumber() ? "number" : "string");
        prm.set("value", value);
      }
      into.put(d.path("id").asText(), d);
    }
  }

  private static String schemaOf(JsonNode value) {
    ObjectNode schema = Json.object().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    value.fields().forEachRemaining(f -> props.putObject(f.getKey()).put("type",
        f.getValue().isArray() ? "array" : f.getValue().isNumber() ? "number" : f.getValue().isBoolean() ? "boolean" : "string"));
    return Json.text(schema);
  }

  private Person person(String kind, String id) {
    List<Person> people = vocabulary.people();
    return people.get(Seeds.random(seed, "person", kind, id).nextInt(people.size()));
  }

  private long created(String kind, String id) {
    SplittableRandom r = Seeds.random(seed, "created", kind, id);
    return Calendar.startOf(calendar.today().minusDays(200 + r.nextInt(500))) + 14 * 3_600_000L;
  }
}
