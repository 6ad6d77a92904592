package dev.statsigjdbc.adapter.exec;

import dev.statsigjdbc.adapter.catalog.CallSpec;
import dev.statsigjdbc.adapter.catalog.PlanSpec;
import dev.statsigjdbc.adapter.catalog.StepSpec;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.adapter.guard.ToolCatalog;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A curated table bound to the tools this server exposes: the plans whose every tool (under
 * one of its names) and parent table is available, with the tool name each call will use.
 */
public record BoundTable(TableSpec spec, List<PlanSpec> plans, Map<CallSpec, String> toolNames) {

  /** Binds a spec, or empty when no plan survives (the table then does not appear). */
  public static Optional<BoundTable> bind(TableSpec spec, ToolCatalog tools, Map<String, BoundTable> boundSoFar) {
    List<PlanSpec> plans = new ArrayList<>();
    Map<CallSpec, String> names = new IdentityHashMap<>();
    for (PlanSpec plan : spec.plans()) {
      Map<CallSpec, String> planNames = new IdentityHashMap<>();
      boolean usable = true;
      for (StepSpec step : plan.steps()) {
        if (step.call() != null) {
          Optional<String> tool =
              step.call().tools().stream().map(tools::exposedName).flatMap(Optional::stream).findFirst();
          usable &= tool.isPresent();
          tool.ifPresent(name -> planNames.put(step.call(), name));
        } else if (step.parent() != null) {
          usable &= boundSoFar.containsKey(step.parent().table());
        }
      }
      if (usable) {
        plans.add(plan);
        names.putAll(planNames);
      }
    }
    return plans.isEmpty() ? Optional.empty() : Optional.of(new BoundTable(spec, List.copyOf(plans), names));
  }

  public String name() {
    return spec.name();
  }

  String tool(CallSpec call) {
    return toolNames.get(call);
  }
}
