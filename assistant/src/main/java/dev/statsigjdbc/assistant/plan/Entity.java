package dev.statsigjdbc.assistant.plan;

import java.util.List;

/**
 * One experiment, gate, metric or tag as the lexicon knows it: its id, its name, the words that
 * name it and, for a metric, the direction that is good ({@code increase} or {@code decrease}; else null).
 */
public record Entity(EntityKind kind, String id, String name, List<String> words, String direction) {

  public Entity {
    words = List.copyOf(words);
  }
}
