package dev.statsigjdbc.assistant.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words a question may use: filler (asking words that change nothing), the planner's keywords
 * and the live names. A word that is none of these but within a small edit distance of exactly
 * one of them is read as that word ("expirement" -> "experiment"), and the correction is shown.
 */
final class KnownWords {
  /** Words that change nothing about the answer. Negations and comparisons are deliberately absent. */
  static final Set<String> FILLER = Set.of("a", "an", "the", "of", "in", "on", "at", "for", "to", "from", "with", "by",
      "and", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "what",
      "which", "whats", "how", "me", "show", "list", "give", "tell", "get", "find", "display", "please", "can", "could",
      "would", "you", "i", "we", "our", "us", "my", "it", "its", "they", "them", "their", "there", "that", "these",
      "those", "any", "all", "so", "far", "currently", "current", "right", "now", "about", "as", "some", "every", "ones",
      "one", "also", "just", "still", "exist", "exists", "existing", "let", "see", "know", "want", "need", "look",
      "up", "into", "whether", "should", "will", "s", "here", "out", "got", "okay", "ok", "hey", "hi", "thanks",
      "statsig", "quick", "question", "overall", "moment", "yet", "own", "owns", "run", "runs");

  /** Words the planner does not support but that are real words, not typos of ones it does ("worse" is not "worst"). */
  private static final Set<String> UNSUPPORTED = Set.of("worse", "better", "more", "less", "fewer", "higher", "lower",
      "not", "never", "without", "except", "excluding", "why", "average", "median", "sum", "total", "correlation");

  private final Set<String> known;

  private KnownWords(Set<String> known) {
    this.known = known;
  }

  static KnownWords of(Set<String> keywords, EntityLexicon lexicon) {
    Set<String> all = new HashSet<>(FILLER);
    all.addAll(keywords);
    all.addAll(TimePhrases.WORDS);
    all.addAll(lexicon.names());
    all.addAll(UNSUPPORTED);
    // Plurals are words too: "expirements" is two edits from "experiments", three from "experiment".
    all.addAll(all.stream().filter(w -> w.length() > 3 && !w.endsWith("s")).map(w -> w + "s").toList());
    return new KnownWords(all);
  }

  boolean filler(String word) {
    return FILLER.contains(word) || word.matches("\\d+");
  }

  /** The known word a misspelling stands for, when exactly one is close enough; empty for known or far words. */
  Optional<String> correction(String word) {
    if (word.length() < 5 || known.contains(word) || known.contains(Words.stem(word)) || word.matches(".*\\d.*")) {
      return Optional.empty();
    }
    int reach = word.length() >= 8 ? 2 : 1;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (String k : known) {
      if (Math.abs(k.length() - word.length()) > reach || k.length() < 4) {
        continue;
      }
      int d = distance(word, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance && !Words.stem(k).equals(Words.stem(best))) {
        tie = true;
      }
    }
    return best != null && bestDistance <= reach && !tie ? Optional.of(best) : Optional.empty();
  }

  /** Edit distance counting a swap of two neighbouring letters as one edit ("expirement", "retension"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The names closest to a word that matched nothing, for "did you mean". */
  static List<String> closest(String word, List<String> names, int limit) {
    return names.stream()
        .sorted(java.util.Comparator.comparingInt((String n) -> Math.min(distance(word, n),
            n.contains(word) || word.contains(n) ? 0 : Integer.MAX_VALUE)).thenComparing(n -> n))
        .limit(limit).toList();
  }
}
