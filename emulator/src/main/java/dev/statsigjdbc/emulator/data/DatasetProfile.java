package dev.statsigjdbc.emulator.data;

/** The emulator's data sets, generated deterministically from a seed. */
public enum DatasetProfile {
  /** A believable product org: ~60 experiments, ~120 gates, 180 days of metric values. */
  DEMO,
  /** For benchmarks: 10,000 experiments, 5,000 gates, ~1,000,000 audit log entries. */
  LARGE
}
