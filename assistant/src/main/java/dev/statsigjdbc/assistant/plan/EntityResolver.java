package dev.statsigjdbc.assistant.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the experiment, gate or metric a question names among its unused words, and uses those
 * words. Exact names first (longest first); then a partial match by one distinctive word, which is
 * ambiguous when another name matches as well ("search experiment": several do).
 */
final class EntityResolver {
  private EntityResolver() {}

  /** An entity the question names; for a partial match, the names it was preferred over. */
  record Named(Entity entity, boolean exact, String words) {}

  /** A partial name that fits several entities equally well. */
  static final class Ambiguous extends RuntimeException {
    private final List<Entity> candidates;
    private final String words;

    Ambiguous(String words, List<Entity> candidates) {
      super(null, null, false, false);
      this.words = words;
      this.candidates = List.copyOf(candidates);
    }

    List<Entity> candidates() {
      return candidates;
    }

    String words() {
      return words;
    }
  }

  /** The longest exact name of any of the kinds, if one is there. */
  static Optional<Named> exact(EntityLexicon lexicon, Reading reading, List<EntityKind> kinds) {
    Free free = Free.of(reading);
    EntityLexicon.Match best = null;
    for (EntityKind kind : kinds) {
      Optional<EntityLexicon.Match> m = lexicon.find(kind, free.stems()).filter(EntityLexicon.Match::exact);
      if (m.isPresent() && (best == null || m.get().length() > best.length())) {
        best = m.get();
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    return Optional.of(new Named(best.entity(), true, free.use(reading, best)));
  }

  /** Every exact name of a kind, in the order they appear ("compare checkout_v2 and guest_checkout"). */
  static List<Named> allExact(EntityLexicon lexicon, Reading reading, EntityKind kind) {
    List<Named> out = new ArrayList<>();
    Optional<Named> next;
    while ((next = exact(lexicon, reading, List.of(kind))).isPresent()) {
      out.add(next.get());
    }
    return out;
  }

  /** The best partial match of a kind; throws {@link Ambiguous} when two fit equally well. */
  static Optional<Named> partial(EntityLexicon lexicon, Reading reading, EntityKind kind) {
    Free free = Free.of(reading);
    List<EntityLexicon.Match> candidates = lexicon.candidates(kind, free.stems());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    EntityLexicon.Match best = candidates.get(0);
    List<Entity> tied = candidates.stream().filter(c -> c.score() == best.score()).map(EntityLexicon.Match::entity).toList();
    String words = String.join(" ", free.matched(best));
    if (tied.size() > 1) {
      throw new Ambiguous(words, tied);
    }
    return Optional.of(new Named(best.entity(), best.exact(), free.use(reading, best)));
  }

  /** The reading's unused words (folded) and where they are. */
  private record Free(List<Integer> at, List<String> stems) {
    static Free of(Reading reading) {
      List<Integer> at = new ArrayList<>();
      List<String> stems = new ArrayList<>();
      for (int i = 0; i < reading.size(); i++) {
        if (!reading.used(i)) {
          at.add(i);
          stems.add(reading.stems().get(i));
        }
      }
      return new Free(at, stems);
    }

    List<String> matched(EntityLexicon.Match m) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < stems.size(); i++) {
        if (m.exact() ? i >= m.start() && i < m.start() + m.length() : m.entity().words().contains(stems.get(i))) {
          out.add(stems.get(i));
        }
      }
      return out;
    }

    /** Uses the match's words in the reading; returns them as written. */
    String use(Reading reading, EntityLexicon.Match m) {
      List<String> words = new ArrayList<>();
      for (int i = 0; i < stems.size(); i++) {
        if (m.exact() ? i >= m.start() && i < m.start() + m.length() : m.entity().words().contains(stems.get(i))) {
          reading.use(at.get(i), 1);
          words.add(reading.word(at.get(i)));
        }
      }
      return String.join(" ", words);
    }
  }
}
