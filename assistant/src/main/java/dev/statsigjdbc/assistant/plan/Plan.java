package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Sql;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.sql.SqlNode;

/**
 * A planner's reading of a question: the intent, the resolved entities, the period, the query as a
 * SQL tree (null when the question was not understood) and an explanation for people.
 *
 * @param suggestions questions the planner can answer, offered when it could not plan this one
 * @param evidence how the question was read: words corrected, names resolved, filters and window
 */
public record Plan(Intent intent, SqlNode query, Map<Slot, String> slots, Period period, String explanation,
    List<String> suggestions, List<String> evidence) {

  public Plan {
    Objects.requireNonNull(intent, "intent");
    slots = Map.copyOf(slots);
    suggestions = List.copyOf(suggestions);
    evidence = List.copyOf(evidence);
    if ((query == null) != (intent == Intent.UNKNOWN)) {
      throw new IllegalArgumentException("a plan has a query exactly when its intent is known");
    }
  }

  public Plan(Intent intent, SqlNode query, Map<Slot, String> slots, Period period, String explanation,
      List<String> suggestions) {
    this(intent, query, slots, period, explanation, suggestions, List.of());
  }

  /** The same plan, with notes on how the question was read. */
  public Plan withEvidence(List<String> notes) {
    return new Plan(intent, query, slots, period, explanation, suggestions, notes);
  }

  public static Plan understood(Intent intent, SqlNode query, Map<Slot, String> slots, Period period, String explanation) {
    return new Plan(intent, query, slots, period, explanation, List.of());
  }

  public static Plan notUnderstood(String explanation, List<String> suggestions) {
    return new Plan(Intent.UNKNOWN, null, Map.of(), null, explanation, suggestions);
  }

  public boolean understood() {
    return query != null;
  }

  public String slot(Slot slot) {
    return slots.get(slot);
  }

  /** The SQL text sent to the connection. */
  public String sql() {
    return query == null ? null : Sql.render(query);
  }
}
