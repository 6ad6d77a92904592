package dev.statsigjdbc.assistant.plan;

import java.util.List;

/** One experiment, gate, metric or tag as the lexicon knows it: its id, its name and the words that name it. */
public record Entity(EntityKind kind, String id, String name, List<String> words) {

  public Entity {
    words = List.copyOf(words);
  }
}
