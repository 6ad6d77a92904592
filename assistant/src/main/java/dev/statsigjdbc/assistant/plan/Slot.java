package dev.statsigjdbc.assistant.plan;

/** The named values a plan resolved from the question. */
public enum Slot {
  EXPERIMENT, GATE, METRIC, TAG, TABLE, STATUS, DECISION,
  /** The answer's value column, for intents whose value comes from an attached table. */
  COLUMN
}
