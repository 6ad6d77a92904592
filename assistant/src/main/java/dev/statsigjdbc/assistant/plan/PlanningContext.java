package dev.statsigjdbc.assistant.plan;

import java.time.LocalDate;
import java.util.Objects;

/** What a planner may use besides the question: the live entities and the day "today" means. */
public record PlanningContext(EntityLexicon lexicon, LocalDate today) {
  public PlanningContext {
    Objects.requireNonNull(lexicon, "lexicon");
    Objects.requireNonNull(today, "today");
  }
}
