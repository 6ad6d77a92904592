package dev.statsigjdbc.adapter.guard;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a name looks like a read: one of its words is a read verb from
 * {@code read-words.txt} or an inflection of one ({@code lists}, {@code queries}), or a read
 * noun ({@code status}); a verb marked {@code leading:} counts only as the name's first word
 * ({@code Query_Logs_Explorer} reads, {@code d1_database_query} runs whatever SQL it is given).
 * Words glued into one lower-case word are not searched: a read must be spelled as one.
 */
final class ReadWordRules {

  private final Map<String, Set<String>> anywhere;
  private final Map<String, Set<String>> leading;

  private ReadWordRules(List<String> verbs, List<String> leadingVerbs, List<String> nouns) {
    this.anywhere = Vocabulary.forms(verbs, List.of(""), Vocabulary.VERB_INFLECTIONS);
    nouns.forEach(noun -> anywhere.put(noun, Set.of(noun)));
    this.leading = Vocabulary.forms(leadingVerbs, List.of(""), Vocabulary.VERB_INFLECTIONS);
  }

  static ReadWordRules load() {
    Vocabulary words = Vocabulary.load("read-words.txt");
    return new ReadWordRules(words.entries(""), words.entries("leading"), words.entries("noun"));
  }

  /** The read word that makes the name look like a read, if any. */
  Optional<String> findReadWord(String name) {
    boolean first = true;
    for (ToolNameWords.Word candidate : ToolNameWords.of(name)) {
      if (candidate.joined()) {
        continue;
      }
      String word = candidate.text();
      Set<String> verbs = anywhere.get(word);
      if (verbs == null && first) {
        verbs = leading.get(word);
      }
      if (verbs != null) {
        return Optional.of(verbs.iterator().next());
      }
      first = false;
    }
    return Optional.empty();
  }
}
