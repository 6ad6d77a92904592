package dev.statsigjdbc.adapter.exec;

import dev.statsigjdbc.adapter.catalog.CallSpec;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.catalog.PlanSpec;
import dev.statsigjdbc.adapter.catalog.StepSpec;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.adapter.dialect.Dialect;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A curated table bound to what this server offers: the plans whose every operation the
 * server's dialect binds and whose parent tables are bound, with the operation of each call.
 */
public record BoundTable(TableSpec spec, List<PlanSpec> plans, Map<CallSpec, Operation> operations) {

  /** Binds a spec, or empty when no plan survives (the table then does not appear). */
  public static Optional<BoundTable> bind(TableSpec spec, TableCatalog catalog, Dialect dialect, Map<String, BoundTable> boundSoFar) {
    List<PlanSpec> plans = new ArrayList<>();
    Map<CallSpec, Operation> operations = new IdentityHashMap<>();
    for (PlanSpec plan : spec.plans()) {
      Map<CallSpec, Operation> planOperations = new IdentityHashMap<>();
      boolean usable = true;
      for (StepSpec step : plan.steps()) {
        if (step.call() != null) {
          Operation operation = catalog.operation(step.call());
          usable &= dialect.binds(operation);
          planOperations.put(step.call(), operation);
        } else if (step.parent() != null) {
          usable &= boundSoFar.containsKey(step.parent().table());
        }
      }
      if (usable) {
        plans.add(plan);
        operations.putAll(planOperations);
      }
    }
    return plans.isEmpty() ? Optional.empty() : Optional.of(new BoundTable(spec, List.copyOf(plans), operations));
  }

  public String name() {
    return spec.name();
  }

  Operation operation(CallSpec call) {
    return operations.get(call);
  }
}
