package dev.statsigjdbc.adapter.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a tool name looks like it writes. The vocabulary lives in
 * {@code write-words.txt}; the matching is deliberately eager (a false block costs an
 * allow-list entry, a false expose can change a customer's production config):
 *
 * <ul>
 *   <li>a word equal to a verb, an inflection of it ({@code updates}, {@code deleted}), or a
 *       prefixed form ({@code unarchive}, {@code reenable}, {@code bulkdelete});
 *   <li>a long verb (6+ letters) anywhere inside a word ({@code gatedelete}), unless the word
 *       is a known read noun such as {@code assignment}.
 * </ul>
 */
final class WriteWordRules {

  private static final List<String> INFLECTIONS =
      List.of("", "s", "es", "d", "ed", "ing", "er", "ers", "ion", "ions", "al", "als");
  private static final List<String> PREFIXES =
      List.of("", "un", "re", "de", "dis", "pre", "auto", "bulk", "batch", "mass", "multi", "force");
  private static final int SUBSTRING_MIN_LENGTH = 6;

  private final List<String> verbs;
  private final Set<String> exactWords;
  private final Set<String> readNouns;
  /** Every prefixed and inflected form of each verb, to the verbs it is a form of (built once: names are checked per connection). */
  private final Map<String, Set<String>> forms;

  private WriteWordRules(List<String> verbs, Set<String> exactWords, Set<String> readNouns) {
    this.verbs = verbs;
    this.exactWords = exactWords;
    this.readNouns = readNouns;
    this.forms = forms(verbs);
  }

  private static Map<String, Set<String>> forms(List<String> verbs) {
    Map<String, Set<String>> forms = new HashMap<>();
    for (String verb : verbs) {
      for (String prefix : PREFIXES) {
        for (String inflection : INFLECTIONS) {
          forms.computeIfAbsent(prefix + verb + inflection, f -> new HashSet<>()).add(verb);
          if (verb.endsWith("e")) {
            forms.computeIfAbsent(prefix + verb.substring(0, verb.length() - 1) + inflection, f -> new HashSet<>()).add(verb);
          }
        }
      }
    }
    return forms;
  }

  static WriteWordRules load() {
    List<String> verbs = new ArrayList<>();
    Set<String> exact = new HashSet<>();
    Set<String> nouns = new HashSet<>();
    try (InputStream in = WriteWordRules.class.getResourceAsStream("write-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("write-words.txt missing from the adapter jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String entry = line.strip().toLowerCase(Locale.ROOT);
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        if (entry.startsWith("exact:")) {
          exact.add(entry.substring(6));
        } else if (entry.startsWith("read:")) {
          nouns.add(entry.substring(5));
        } else {
          verbs.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WriteWordRules(List.copyOf(verbs), Set.copyOf(exact), Set.copyOf(nouns));
  }

  /** The first write word found in the name, with the verb it matched, if any. */
  Optional<String> findWriteWord(String toolName) {
    for (ToolNameWords.Word candidate : ToolNameWords.of(toolName)) {
      String word = candidate.text();
      if (exactWords.contains(word)) {
        return Optional.of("'" + word + "'");
      }
      for (String verb : verbs) {
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
        && word.contains(verb)
        && !readNouns.contains(word);
  }
}
