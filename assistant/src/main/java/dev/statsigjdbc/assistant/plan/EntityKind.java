package dev.statsigjdbc.assistant.plan;

/** The named things a question can point at, with the table that lists them. */
public enum EntityKind {
  EXPERIMENT("experiments", "experiment"),
  GATE("gates", "gate"),
  METRIC("metrics", "metric"),
  TAG("tags", "tag");

  private final String table;
  private final String noun;

  EntityKind(String table, String noun) {
    this.table = table;
    this.noun = noun;
  }

  public String table() {
    return table;
  }

  public String noun() {
    return noun;
  }
}
