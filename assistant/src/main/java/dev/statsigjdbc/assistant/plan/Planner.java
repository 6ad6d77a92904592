package dev.statsigjdbc.assistant.plan;

/** Turns a question into a plan. Implementations never run the query; the assistant does. */
public interface Planner {
  Plan plan(String question, PlanningContext context);
}
