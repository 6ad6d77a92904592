package dev.statsigjdbc.assistant.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the experiment, gate and metric a question names. Exact names are taken first (longest
 * first), each consuming its words; then partial matches, experiments and gates before metrics,
 * so that "checkout test" is an experiment and not the checkout_conversion metric.
 */
final class EntityResolver {
  private static final List<EntityKind> PARTIAL_ORDER = List.of(EntityKind.EXPERIMENT, EntityKind.GATE, EntityKind.METRIC);

  private EntityResolver() {}

  static Map<EntityKind, EntityLexicon.Match> resolve(EntityLexicon lexicon, List<String> words) {
    Map<EntityKind, EntityLexicon.Match> found = new EnumMap<>(EntityKind.class);
    List<String> rest = words;
    while (true) {
      Optional<EntityLexicon.Match> exact = Optional.empty();
      for (EntityKind kind : PARTIAL_ORDER) {
        if (!found.containsKey(kind)) {
          Optional<EntityLexicon.Match> m = lexicon.find(kind, rest).filter(EntityLexicon.Match::exact);
          if (m.isPresent() && (exact.isEmpty() || m.get().length() > exact.get().length())) {
            exact = m;
          }
        }
      }
      if (exact.isEmpty()) {
        break;
      }
      found.put(exact.get().entity().kind(), exact.get());
      rest = exact.get().remove(rest);
    }
    for (EntityKind kind : PARTIAL_ORDER) {
      if (!found.containsKey(kind)) {
        Optional<EntityLexicon.Match> m = lexicon.find(kind, rest);
        if (m.isPresent()) {
          found.put(kind, m.get());
          rest = m.get().remove(rest);
        }
      }
    }
    return found;
  }
}
