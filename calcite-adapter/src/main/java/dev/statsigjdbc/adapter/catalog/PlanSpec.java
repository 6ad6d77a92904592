package dev.statsigjdbc.adapter.catalog;

import java.util.List;

/**
 * A way to produce a table's rows: steps run left to right, each binding JSON under a name.
 *
 * @param when key conditions this plan needs: {@code column} (any value supplied) or
 *     {@code column=value}
 */
public record PlanSpec(List<String> when, List<StepSpec> steps) {

  public PlanSpec {
    when = when == null ? List.of() : List.copyOf(when);
    steps = List.copyOf(steps);
  }
}
