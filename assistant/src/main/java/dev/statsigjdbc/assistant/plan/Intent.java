package dev.statsigjdbc.assistant.plan;

/** What a question asks for; each intent has its own query shape, summary and chart. */
public enum Intent {
  LIST_ENTITIES,
  COUNT_ENTITIES,
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
