package dev.statsigjdbc.adapter.dialect;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words that carry the meaning of an action name, a description or an operation summary:
 * split on non-letters and camelCase, lower-cased, plurals folded, verbs that mean the same
 * read folded to one word, filler words dropped.
 */
final class MeaningWords {

  private static final Map<String, String> SAME_MEANING = Map.ofEntries(
      Map.entry("retrieve", "get"), Map.entry("read", "get"), Map.entry("fetch", "get"), Map.entry("detail", "get"),
      Map.entry("show", "get"), Map.entry("describe", "get"), Map.entry("lookup", "get"), Map.entry("find", "get"),
      Map.entry("enumerate", "list"), Map.entry("browse", "list"), Map.entry("search", "list"),
      Map.entry("version", "history"), Map.entry("revision", "history"), Map.entry("change", "history"),
      Map.entry("analysis", "result"), Map.entry("outcome", "result"), Map.entry("lift", "result"),
      Map.entry("exposed", "exposure"));
  private static final Set<String> FILLER = Set.of(
      "a", "an", "the", "of", "by", "for", "to", "in", "on", "and", "or", "with", "all", "one", "its", "their",
      "id", "ids", "beta", "api", "console", "v", "op", "action", "data", "related", "given", "specific", "this");

  private MeaningWords() {}

  static Set<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    String spaced = text.replaceAll("(?<=\\p{Ll})(?=\\p{Lu})", " ");
    for (String raw : spaced.split("[^\\p{L}]+")) {
      String word = fold(raw.toLowerCase(Locale.ROOT));
      if (word.length() > 1 && !FILLER.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  private static String fold(String word) {
    String singular = word;
    if (word.endsWith("ies") && word.length() > 4) {
      singular = word.substring(0, word.length() - 3) + "y";
    } else if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
      singular = word.substring(0, word.length() - 1);
    }
    return SAME_MEANING.getOrDefault(singular, singular);
  }
}
