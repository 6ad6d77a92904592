package dev.statsigjdbc.adapter.guard;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a tool name into lower-case words: on every non-letter, on camelCase humps and on
 * letter/digit boundaries. A segment made of several humps is also kept whole, so that a verb
 * in odd casing ({@code uPdAtE}) is still seen; such joined segments are only compared whole,
 * never searched inside (that would find {@code restore} in {@code getExposureStores}).
 */
final class ToolNameWords {

  /** @param joined whether the word is several humps put back together */
  record Word(String text, boolean joined) {}

  private ToolNameWords() {}

  static Set<Word> of(String name) {
    Set<Word> words = new LinkedHashSet<>();
    for (String segment : name.split("[^\\p{L}]+")) {
      if (segment.isEmpty()) {
        continue;
      }
      String[] humps = segment.split("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");
      for (String hump : humps) {
        words.add(new Word(hump.toLowerCase(Locale.ROOT), false));
      }
      if (humps.length > 1) {
        words.add(new Word(segment.toLowerCase(Locale.ROOT), true));
      }
    }
    return words;
  }
}
