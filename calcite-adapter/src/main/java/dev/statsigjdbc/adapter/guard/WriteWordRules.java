package dev.statsigjdbc.adapter.guard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a name has a word that writes. The vocabulary lives in
 * {@code write-words.txt}; the matching is deliberately eager (a false block costs an
 * allow-list entry, a false expose can change a customer's production config):
 *
 * <ul>
 *   <li>a word equal to a verb, an inflection of it ({@code updates}, {@code deleted},
 *       {@code copies}), or a prefixed form ({@code unarchive}, {@code reenable},
 *       {@code bulkdelete});
 *   <li>a long verb (6+ letters) anywhere inside a word ({@code gatedelete});
 *   <li>never a known read noun spelled like one ({@code assignment}, {@code deployments}).
 * </ul>
 *
 * <p>This list only ever blocks: what is exposed must also look like a read (see
 * {@link ReadWordRules}), so a write verb missing here is still blocked by default.
 */
final class WriteWordRules {

  private static final List<String> PREFIXES =
      List.of("", "un", "re", "de", "dis", "pre", "auto", "bulk", "batch", "mass", "multi", "force", "over");
  private static final int SUBSTRING_MIN_LENGTH = 6;

  private final List<String> verbs;
  private final Set<String> exactWords;
  private final Set<String> readNouns;
  private final Map<String, Set<String>> forms;

  private WriteWordRules(List<String> verbs, Set<String> exactWords, Set<String> readNouns) {
    this.verbs = verbs;
    this.exactWords = exactWords;
    this.readNouns = readNouns;
    this.forms = Vocabulary.forms(verbs, PREFIXES, Vocabulary.INFLECTIONS);
  }

  static WriteWordRules load() {
    Vocabulary words = Vocabulary.load("write-words.txt");
    return new WriteWordRules(words.entries(""), Set.copyOf(words.entries("exact")), Set.copyOf(words.entries("read")));
  }

  /** The first write word found in the name, with the verb it matched, if any. */
  Optional<String> findWriteWord(String name) {
    return findWriteWord(name, Set.of());
  }

  /** As {@link #findWriteWord(String)}, not counting the verbs in {@code ignored}. */
  Optional<String> findWriteWord(String name, Set<String> ignored) {
    for (ToolNameWords.Word candidate : ToolNameWords.of(name)) {
      String word = candidate.text();
      if (readNouns.contains(word)) {
        continue;
      }
      if (exactWords.contains(word) && !ignored.contains(word)) {
        return Optional.of("'" + word + "'");
      }
      for (String verb : verbs) {
        if (ignored.contains(verb)) {
          continue;
        }
        if (isFormOf(word, verb) || !candidate.joined() && containsLongVerb(word, verb)) {
          return Optional.of(word.equals(verb) ? "'" + verb + "'" : "'" + word + "' (" + verb + ")");
        }
      }
    }
    return Optional.empty();
  }

  private boolean isFormOf(String word, String verb) {
    return forms.getOrDefault(word, Set.of()).contains(verb);
  }

  /** A long verb glued to other letters in one word ({@code gatedelete}). */
  private boolean containsLongVerb(String word, String verb) {
    return verb.length() >= SUBSTRING_MIN_LENGTH
        && word.length() > verb.length()
        && word.contains(verb);
  }
}
