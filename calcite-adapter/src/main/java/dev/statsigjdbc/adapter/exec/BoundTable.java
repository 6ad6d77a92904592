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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
      if (missing(plan, catalog, dialect, boundSoFar).isEmpty()) {
        plans.add(plan);
        plan.steps().stream().filter(step -> step.call() != null)
            .forEach(step -> operations.put(step.call(), catalog.operation(step.call())));
      }
    }
    return plans.isEmpty() ? Optional.empty() : Optional.of(new BoundTable(spec, List.copyOf(plans), operations));
  }

  /**
   * Why a spec binds no plan here, as the end of a sentence naming what each of its plans lacks,
   * e.g. "it needs the operation GET /console/v1/x, which the server does not publish as a tool SQL may call".
   */
  public static String whyUnbound(TableSpec spec, TableCatalog catalog, Dialect dialect, Map<String, BoundTable> boundSoFar) {
    return "it needs " + spec.plans().stream()
        .map(plan -> String.join(" and ", missing(plan, catalog, dialect, boundSoFar)))
        .distinct()
        .collect(Collectors.joining("; or "));
  }

  /** What a plan needs that this server lacks: operations the dialect cannot bind, parent tables not bound. */
  private static List<String> missing(PlanSpec plan, TableCatalog catalog, Dialect dialect, Map<String, BoundTable> boundSoFar) {
    Set<String> missing = new LinkedHashSet<>();
    for (StepSpec step : plan.steps()) {
      if (step.call() != null) {
        Operation operation = catalog.operation(step.call());
        if (!dialect.binds(operation)) {
          missing.add("the operation " + operation.key() + ", which the server does not publish as a tool SQL may call");
        }
      } else if (step.parent() != null && !boundSoFar.containsKey(step.parent().table())) {
        missing.add("the table " + step.parent().table() + ", which is not available either");
      }
    }
    return List.copyOf(missing);
  }

  public String name() {
    return spec.name();
  }

  Operation operation(CallSpec call) {
    return operations.get(call);
  }
}
