package dev.statsigjdbc.adapter.guard;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a tool name into lower-case words: on every non-letter, on camelCase humps and on
 * letter/digit boundaries. Each separator-delimited segment is also kept whole, so that a
 * verb hidden in odd casing ({@code uPdAtE}) or glued to a noun ({@code updategate}) is still
 * seen by the rules.
 */
final class ToolNameWords {

  private ToolNameWords() {}

  static Set<String> of(String name) {
    Set<String> words = new LinkedHashSet<>();
    for (String segment : name.split("[^\\p{L}]+")) {
      if (segment.isEmpty()) {
        continue;
      }
      words.add(segment.toLowerCase(Locale.ROOT));
      for (String hump : segment.split("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})")) {
        words.add(hump.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
