package dev.statsigjdbc.adapter.catalog;

/** One step of a plan; exactly one of the three is set. */
public record StepSpec(CallSpec call, ParentSpec parent, EachSpec each) {

  public StepSpec {
    int set = (call != null ? 1 : 0) + (parent != null ? 1 : 0) + (each != null ? 1 : 0);
    if (set != 1) {
      throw new IllegalArgumentException("A plan step needs exactly one of call, parent, each");
    }
  }
}
