package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Vocabulary.Person;

/** How people of the org appear in entities: stable user ids and owner objects. */
public final class People {
  /** Who writes through the emulated Console API (Statsig shows "CONSOLE API" for key-based writes). */
  public static final Person CONSOLE_API = new Person("CONSOLE API", null, null);

  private People() {}

  public static String id(long seed, Person p) {
    return Seeds.opaqueId(seed, "person", p.name());
  }

  public static String teamId(long seed, String team) {
    return Seeds.opaqueId(seed, "team", team);
  }

  public static ObjectNode owner(long seed, Person p) {
    ObjectNode o = Json.object();
    o.put("ownerID", id(seed, p));
    o.put("ownerType", "USER");
    o.put("ownerName", p.name());
    o.put("ownerEmail", p.email());
    return o;
  }

  /** Sets creator* and lastModifier* fields. */
  public static void stamp(ObjectNode entity, long seed, Person creator, long created, Person modifier, long modified) {
    entity.put("creatorID", id(seed, creator));
    entity.put("createdTime", created);
    entity.put("creatorName", creator.name());
    entity.put("creatorEmail", creator.email());
    entity.put("lastModifierID", id(seed, modifier));
    entity.put("lastModifiedTime", modified);
    entity.put("lastModifierName", modifier.name());
    entity.put("lastModifierEmail", modifier.email());
  }
}
