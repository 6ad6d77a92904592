package dev.statsigjdbc.assistant.plan;

/** The named values a plan resolved from the question. */
public enum Slot {
  EXPERIMENT, GATE, METRIC, TAG, TABLE, STATUS, DECISION,
  /** A second experiment, for "compare A and B". */
  OTHER_EXPERIMENT,
  /** The filters of a list or count, in words ("with status active, tagged checkout"). */
  FILTERS,
  /** The dimension a count is grouped by. */
  GROUP,
  /** What a list is ordered by, in words ("newest first"), and how many rows it keeps. */
  ORDER, LIMIT,
  /** Which fact about one experiment or gate is asked: owner, duration, status. */
  FACT,
  /** The answer's value column, for intents whose value comes from an attached table. */
  COLUMN
}
