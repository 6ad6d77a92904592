package dev.statsigjdbc.emulator.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable entities of one kind (experiments, gates, ...) in insertion order. Each entity is
 * kept as compact JSON bytes rather than a Jackson tree: 10,000 experiments then cost a few MB,
 * and every read hands out a fresh tree that callers may change freely. Earlier versions of an
 * entity are kept for the {@code /versions} endpoints. Not thread-safe: the API serialises writes.
 */
public final class EntityStore {
  private final Map<String, byte[]> current = new LinkedHashMap<>();
  private final Map<String, List<byte[]>> previous = new LinkedHashMap<>();

  public Optional<ObjectNode> find(String id) {
    byte[] b = current.get(id);
    return b == null ? Optional.empty() : Optional.of(Json.parseObject(b));
  }

  public boolean contains(String id) {
    return current.containsKey(id);
  }

  /** Adds or replaces an entity; the replaced version goes to its history. */
  public void put(String id, ObjectNode entity) {
    byte[] old = current.put(id, Json.bytes(entity));
    if (old != null) {
      previous.computeIfAbsent(id, k -> new ArrayList<>()).add(old);
    }
  }

  public boolean remove(String id) {
    previous.remove(id);
    return current.remove(id) != null;
  }

  public int size() {
    return current.size();
  }

  public List<String> ids() {
    return List.copyOf(current.keySet());
  }

  /** All entities in insertion order (parsed now: use for filtering, not on hot paths of LARGE). */
  public List<ObjectNode> all() {
    List<ObjectNode> out = new ArrayList<>(current.size());
    current.values().forEach(b -> out.add(Json.parseObject(b)));
    return out;
  }

  /** The current version first, then earlier ones, newest first. */
  public List<ObjectNode> versions(String id) {
    List<ObjectNode> out = new ArrayList<>();
    find(id).ifPresent(out::add);
    List<byte[]> older = previous.getOrDefault(id, List.of());
    for (int i = older.size() - 1; i >= 0; i--) {
      out.add(Json.parseObject(older.get(i)));
    }
    return out;
  }
}
