package dev.statsigjdbc.assistant.plan;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a planner may use besides the question: the live entities, the day "today" means and the
 * tables of the connection (Statsig's and those of attached databases).
 */
public record PlanningContext(EntityLexicon lexicon, LocalDate today, SchemaDescription tables) {
  public PlanningContext {
    Objects.requireNonNull(lexicon, "lexicon");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(tables, "tables");
  }

  /** Without table metadata: planners that only need Statsig's fixed tables. */
  public PlanningContext(EntityLexicon lexicon, LocalDate today) {
    this(lexicon, today, SchemaDescription.NONE);
  }
}
