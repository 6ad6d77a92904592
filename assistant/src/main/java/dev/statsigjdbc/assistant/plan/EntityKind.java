package dev.statsigjdbc.assistant.plan;

/** The named things a question can point at, with the table that lists them. */
public enum EntityKind {
  EXPERIMENT("experiments"),
  GATE("gates"),
  METRIC("metrics"),
  TAG("tags");

  private final String table;

  EntityKind(String table) {
    this.table = table;
  }

  public String table() {
    return table;
  }
}
