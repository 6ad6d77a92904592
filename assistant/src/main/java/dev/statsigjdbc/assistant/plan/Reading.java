package dev.statsigjdbc.assistant.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question as words, and which of them the plan has used. Every recogniser takes the words it
 * reads; what is left at the end must be filler, or the planner declines and names it.
 */
final class Reading {
  private final List<String> words;
  private final List<String> stems;
  private final String text;
  private final int[] starts;
  private final BitSet used = new BitSet();
  private final List<String> corrections;

  private Reading(List<String> words, List<String> corrections) {
    this.words = List.copyOf(words);
    this.stems = words.stream().map(Words::stem).toList();
    this.corrections = List.copyOf(corrections);
    this.starts = new int[words.size()];
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      starts[i] = b.length();
      b.append(words.get(i));
    }
    this.text = b.toString();
  }

  /** The question's words, each misspelling within reach of a known word replaced by it (and noted). */
  static Reading of(String question, KnownWords known) {
    List<String> out = new ArrayList<>();
    List<String> corrections = new ArrayList<>();
    for (String w : question.toLowerCase(Locale.ROOT).replace("'s ", " ").replaceAll("'s$", "").split("[^a-z0-9]+")) {
      if (w.isEmpty()) {
        continue;
      }
      Optional<String> fixed = known.correction(w);
      fixed.ifPresent(f -> corrections.add("\"" + w + "\" read as \"" + f + "\""));
      out.add(fixed.orElse(w));
    }
    return new Reading(out, corrections);
  }

  /** A reading of the same words with the same words used, to try things on. */
  Reading copy() {
    Reading out = new Reading(words, corrections);
    out.used.or(used);
    return out;
  }

  /** Lower-case words separated by single spaces: what phrase patterns run on. */
  String text() {
    return text;
  }

  /** Words with plurals folded, as entity names are compared. */
  List<String> stems() {
    return stems;
  }

  List<String> corrections() {
    return corrections;
  }

  int size() {
    return words.size();
  }

  String word(int i) {
    return words.get(i);
  }

  boolean used(int i) {
    return used.get(i);
  }

  /** The first match of the pattern over words not yet used; its words become used. */
  Optional<Matcher> take(Pattern pattern) {
    Optional<Matcher> m = peek(pattern);
    m.ifPresent(found -> useChars(found.start(), found.end()));
    return m;
  }

  /** Whether the pattern matches over words not yet used, without using them. */
  boolean has(Pattern pattern) {
    return peek(pattern).isPresent();
  }

  /** The first match lying wholly in unused words, without using them. */
  Optional<Matcher> peek(Pattern pattern) {
    // Within each run of unused words, so that a shorter alternative still matches where a longer one reaches a used word.
    int i = 0;
    while (i < words.size()) {
      if (used.get(i)) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < words.size() && !used.get(j + 1)) {
        j++;
      }
      Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false)
          .region(starts[i], starts[j] + words.get(j).length());
      while (m.find()) {
        if (m.end() > m.start()) {
          return Optional.of(m);
        }
      }
      i = j + 1;
    }
    return Optional.empty();
  }

  /** Which words are used now, to go back to when a reading path does not work out. */
  BitSet mark() {
    return (BitSet) used.clone();
  }

  void reset(BitSet mark) {
    used.clear();
    used.or(mark);
  }

  /** Marks words as used by their indexes. */
  void use(int from, int length) {
    used.set(from, from + length);
  }

  /** The words no recogniser used and that are not filler. */
  List<String> leftover(KnownWords known) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!used.get(i) && !known.filler(words.get(i))) {
        out.add(words.get(i));
      }
    }
    return out;
  }

  private void useChars(int fromChar, int toChar) {
    for (int i = 0; i < words.size(); i++) {
      if (starts[i] < toChar && starts[i] + words.get(i).length() > fromChar) {
        used.set(i);
      }
    }
  }
}
