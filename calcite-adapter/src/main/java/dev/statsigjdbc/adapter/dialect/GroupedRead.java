package dev.statsigjdbc.adapter.dialect;

import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.guard.ToolInputSchema;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A V3 grouped read ({@code experiment_read}, ...): one tool, one {@code action} per Console
 * operation. The action vocabulary is the one the guard reads from the live input schema
 * ({@link ToolInputSchema}); an operation is matched to an action by meaning, never by a known
 * string: the action strings are the server's to choose.
 */
final class GroupedRead {

  /** Words of a grouped tool's name that say "read", not what is read. */
  private static final Set<String> READ_WORDS = Set.of("get", "list");

  private final ToolDescriptor tool;
  private final Set<String> subject;
  private final List<ToolInputSchema.Action> actions;

  private GroupedRead(ToolDescriptor tool, Set<String> subject, List<ToolInputSchema.Action> actions) {
    this.tool = tool;
    this.subject = subject;
    this.actions = List.copyOf(actions);
  }

  /** The tool as a grouped read, or empty when its input schema declares no actions. */
  static Optional<GroupedRead> of(ToolDescriptor tool) {
    List<ToolInputSchema.Action> actions = ToolInputSchema.of(tool).actions();
    Set<String> subject = MeaningWords.of(tool.name());
    subject.removeAll(READ_WORDS);
    return actions.isEmpty() || subject.isEmpty() ? Optional.empty() : Optional.of(new GroupedRead(tool, subject, actions));
  }

  ToolDescriptor tool() {
    return tool;
  }

  /** Whether this tool reads the operation's resource ({@code log_read} reads {@code /audit_logs}). */
  boolean covers(Operation operation) {
    return MeaningWords.of(resource(operation)).containsAll(subject);
  }

  /**
   * The action that means the operation: the words of its string and description that the
   * operation's summary and path share, each weighted by how rare it is among this tool's
   * actions, less the rare words of its description the operation lacks (an action string may
   * be opaque, so only its description, when it has one, counts against it). Empty when no
   * action wins outright.
   */
  Optional<ToolInputSchema.Action> actionFor(Operation operation) {
    Set<String> wanted = MeaningWords.of(operation.summary());
    wanted.addAll(MeaningWords.of(operation.path().replaceAll("\\{[^}]*}", " ")));
    List<Set<String>> said = new ArrayList<>();
    List<Set<String>> against = new ArrayList<>();
    for (ToolInputSchema.Action action : actions) {
      Set<String> described = MeaningWords.of(action.description());
      Set<String> words = MeaningWords.of(action.name());
      against.add(described.isEmpty() ? words : described);
      words.addAll(described);
      said.add(words);
    }
    ToolInputSchema.Action best = null;
    double bestScore = 0;
    boolean tie = false;
    for (int i = 0; i < actions.size(); i++) {
      double score = 0;
      for (String word : said.get(i)) {
        if (wanted.contains(word)) {
          score += rarity(word, said);
        } else if (against.get(i).contains(word)) {
          score -= rarity(word, said) / 2;
        }
      }
      if (score > bestScore + 1e-9) {
        best = actions.get(i);
        bestScore = score;
        tie = false;
      } else if (best != null && Math.abs(score - bestScore) <= 1e-9) {
        tie = true;
      }
    }
    return tie ? Optional.empty() : Optional.ofNullable(best);
  }

  private static double rarity(String word, List<Set<String>> said) {
    long with = said.stream().filter(words -> words.contains(word)).count();
    return Math.log(1 + (double) said.size() / with);
  }

  /** The first path segment after the API version: {@code experiments}, {@code audit_logs}. */
  private static String resource(Operation operation) {
    String[] segments = operation.path().replaceFirst("^/console/v\\d+/", "").split("/");
    return segments[0];
  }
}
