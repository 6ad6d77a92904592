package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Dataset;
import dev.statsigjdbc.emulator.data.EntityStore;
import dev.statsigjdbc.emulator.data.Json;
import dev.statsigjdbc.emulator.data.People;
import java.util.Map;
import java.util.Set;

/**
 * What every write shares: body validation, create / full replace / partial update of a stored
 * entity with its system fields, version and modifier stamps, and an audit log entry.
 */
final class Mutations {
  private static final Set<String> CREATOR_FIELDS = Set.of("id", "creatorID", "creatorName", "creatorEmail", "createdTime");

  private final Dataset dataset;

  Mutations(Dataset dataset) {
    this.dataset = dataset;
  }

  /** The request body as an object, checked against the declared types of known fields. */
  static ObjectNode body(ApiCall call, Map<String, JsonNodeType> fieldTypes) {
    JsonNode body = call.body();
    if (body == null || !body.isObject()) {
      throw new ApiException(400, "The request body of " + call.operation() + " must be a JSON object.");
    }
    body.fields().forEachRemaining(f -> {
      JsonNodeType expected = fieldTypes.get(f.getKey());
      if (expected != null && !f.getValue().isNull() && f.getValue().getNodeType() != expected) {
        throw new ApiException(400, "Field '" + f.getKey() + "' must be of type " + expected.name().toLowerCase()
            + ", got " + f.getValue().getNodeType().name().toLowerCase() + ".");
      }
    });
    return (ObjectNode) body.deepCopy();
  }

  static String requiredText(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ApiException(400, "Field '" + field + "' is required and must be a non-empty string.");
    }
    return v.asText();
  }

  static void requireFields(ObjectNode body, String... fields) {
    for (String f : fields) {
      if (!body.hasNonNull(f)) {
        throw new ApiException(400, "Field '" + f + "' is required.");
      }
    }
  }

  ObjectNode existing(EntityStore store, String kind, String id) {
    return store.find(id).orElseThrow(() -> Envelopes.notFound(kind, id));
  }

  /** Stores a new entity under {@code id}, stamped as created now by the Console API. */
  ObjectNode create(EntityStore store, String kind, String id, ObjectNode entity, String actionType) {
    if (store.contains(id)) {
      throw new ApiException(400, kind + " '" + id + "' already exists; choose another name or update it instead.");
    }
    long now = dataset.nextWriteTime();
    People.stamp(entity, dataset.seed(), People.CONSOLE_API, now, People.CONSOLE_API, now);
    store.put(id, entity);
    audit(id, actionType, "Created " + kind, Json.object().set("new", entity), now);
    return entity;
  }

  /**
   * Full replace, as Statsig documents it: fields the body omits are dropped, except the ones the
   * API owns ({@code systemFields} plus id and creator).
   */
  ObjectNode replace(EntityStore store, String kind, String id, ObjectNode body, Set<String> systemFields,
      String actionType) {
    ObjectNode old = existing(store, kind, id);
    ObjectNode entity = body.deepCopy();
    old.fields().forEachRemaining(f -> {
      if (CREATOR_FIELDS.contains(f.getKey()) || systemFields.contains(f.getKey())) {
        entity.set(f.getKey(), f.getValue());
      }
    });
    return save(store, kind, id, old, entity, actionType, "Replaced " + kind);
  }

  /** Partial update: top-level fields in the body replace the stored ones, others stay. */
  ObjectNode patch(EntityStore store, String kind, String id, ObjectNode body, Set<String> systemFields,
      String actionType) {
    ObjectNode old = existing(store, kind, id);
    ObjectNode entity = old.deepCopy();
    body.fields().forEachRemaining(f -> {
      if (CREATOR_FIELDS.contains(f.getKey()) || systemFields.contains(f.getKey())) {
        throw new ApiException(400, "Field '" + f.getKey() + "' of a " + kind.toLowerCase()
            + " cannot be set directly; use the dedicated operation.");
      }
      entity.set(f.getKey(), f.getValue());
    });
    return save(store, kind, id, old, entity, actionType, "Updated " + kind);
  }

  /** Saves a changed entity: bumps its version, stamps the modifier and records the change. */
  ObjectNode save(EntityStore store, String kind, String id, ObjectNode old, ObjectNode entity, String actionType,
      String changeLog) {
    long now = dataset.nextWriteTime();
    entity.put("lastModifierID", People.id(dataset.seed(), People.CONSOLE_API));
    entity.put("lastModifiedTime", now);
    entity.put("lastModifierName", People.CONSOLE_API.name());
    entity.putNull("lastModifierEmail");
    if (old.has("version")) {
      entity.put("version", old.path("version").asInt() + 1);
    }
    store.put(id, entity);
    ObjectNode changes = Json.object();
    changes.set("old", old);
    changes.set("new", entity);
    audit(id, actionType, changeLog, changes, now);
    return entity;
  }

  void delete(EntityStore store, String kind, String id, String actionType) {
    ObjectNode old = existing(store, kind, id);
    store.remove(id);
    audit(id, actionType, "Deleted " + kind, Json.object().set("old", old), dataset.nextWriteTime());
  }

  void audit(String name, String actionType, String changeLog, ObjectNode changes, long time) {
    dataset.auditLog().record(name, actionType, changeLog, time, People.CONSOLE_API, changes);
  }

  long now() {
    return dataset.nextWriteTime();
  }
}
