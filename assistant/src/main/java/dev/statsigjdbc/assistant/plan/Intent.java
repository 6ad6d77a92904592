package dev.statsigjdbc.assistant.plan;

/** What a question asks for; each intent has its own query shape, summary and chart. */
public enum Intent {
  LIST_ENTITIES,
  /** A count, or a count per value of a dimension. */
  COUNT_ENTITIES,
  /** Who owns one experiment or gate, how long it ran, its status. */
  ENTITY_FACTS,
  /** The audit log entries of one experiment, gate or metric. */
  AUDIT_HISTORY,
  /** Experiments ranked by their change on one metric (the biggest lift, the worst drop). */
  RANKED_RESULTS,
  /** An experiment's results on one metric or all of them. */
  EXPERIMENT_EFFECT,
  /** Every test group against control, on every metric. */
  COMPARE_GROUPS,
  /** Experiments shipped (or decided) in a period, with their effect on a metric when one is named. */
  DECISIONS,
  GATE_EXPOSURE_SPLIT,
  EXPERIMENT_EXPOSURE_SPLIT,
  METRIC_TREND,
  GATE_ROLLOUT,
  /** A number from an attached database per group of an experiment (joined on the group id). */
  JOINED_BY_GROUP,
  /** SQL written by a language model (checked to be one read-only query over known tables): the rows are the answer. */
  MODEL_SQL,
  /** Outside what the planner understands. */
  UNKNOWN
}
