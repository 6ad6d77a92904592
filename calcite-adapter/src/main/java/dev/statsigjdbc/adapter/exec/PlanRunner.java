package dev.statsigjdbc.adapter.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.statsigjdbc.adapter.call.CallLayer;
import dev.statsigjdbc.adapter.catalog.CallSpec;
import dev.statsigjdbc.adapter.catalog.ColumnSpec;
import dev.statsigjdbc.adapter.catalog.EachSpec;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.catalog.ParentSpec;
import dev.statsigjdbc.adapter.catalog.PlanSpec;
import dev.statsigjdbc.adapter.catalog.StepSpec;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.adapter.dialect.Dialect;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a bound table's plans for one scan: picks a plan per combination of key values, then
 * chains its steps lazily (calls page by page, parents, array expansion) into bindings from
 * which rows are read.
 */
public final class PlanRunner {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int DESCRIBED_INVOCATIONS = 5;

  /** One run of one plan with one combination of key values. */
  private record Invocation(PlanSpec plan, Map<String, String> key, KeyValues values) {}

  private final CallLayer calls;
  private final Dialect dialect;
  private final Map<String, BoundTable> tables;
  private final PageSizes pageSizes;

  /**
   * @param dialect describes the tool calls of each read for EXPLAIN
   * @param pageSize records per page a scan asks for (the server may serve fewer or refuse)
   */
  public PlanRunner(CallLayer calls, Dialect dialect, Map<String, BoundTable> tables, int pageSize) {
    this.calls = calls;
    this.dialect = dialect;
    this.tables = tables;
    this.pageSizes = new PageSizes(pageSize);
  }

  /**
   * The scan's bindings, one per row.
   *
   * @param fetch how many rows the query wants at most, or null; shrinks the page of a plan
   *     that is a single list call
   */
  public Iterator<Bindings> run(BoundTable table, Map<String, KeyConstraint> constraints, Integer fetch, QueryRun run) {
    List<Invocation> invocations = invocations(table, constraints);
    int pageSize = pageSize(invocations, fetch);
    Function<Invocation, Iterator<Bindings>> expand = inv -> steps(table, inv, 0, start(inv), pageSize, run);
    int ahead = calls.maxConcurrentCalls();
    // Lookups by key (no paged list in the plan) run side by side; lists stay lazy, page by page.
    boolean fanOut = invocations.size() > 1 && ahead > 1
        && invocations.stream().allMatch(inv -> inv.plan().steps().stream().noneMatch(s -> s.call() != null && s.call().paged()));
    return fanOut
        ? new PrefetchIterator<>(invocations.iterator(), expand, ahead, run)
        : new FlatMapIterator<>(invocations.iterator(), expand);
  }

  /** Reads a row's columns from its bindings, as Calcite's internal values. */
  public static Object[] row(TableSpec table, Bindings bindings) {
    List<ColumnSpec> columns = table.columns();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      ColumnSpec column = columns.get(i);
      row[i] = column.type().convert(bindings.resolveFirst(column.paths()));
    }
    return row;
  }

  /** What a scan will call, for EXPLAIN: the dialect's tool calls, bound values as references. */
  public String describe(BoundTable table, Map<String, KeyConstraint> constraints, Integer fetch) {
    List<Invocation> invocations;
    try {
      invocations = invocations(table, constraints);
    } catch (MissingKeyException e) {
      return "fails: " + e.getMessage();
    }
    int pageSize = pageSize(invocations, fetch);
    List<String> parts = new ArrayList<>();
    for (Invocation inv : invocations.subList(0, Math.min(DESCRIBED_INVOCATIONS, invocations.size()))) {
      parts.add(describe(table, inv, pageSize));
    }
    if (invocations.size() > DESCRIBED_INVOCATIONS) {
      parts.add("... " + (invocations.size() - DESCRIBED_INVOCATIONS) + " more");
    }
    return String.join("; ", parts);
  }

  private String describe(BoundTable table, Invocation inv, int pageSize) {
    List<String> steps = new ArrayList<>();
    Bindings bindings = start(inv);
    for (StepSpec step : inv.plan().steps()) {
      if (step.call() != null) {
        CallSpec call = step.call();
        steps.add(dialect.describe(table.operation(call), arguments(call, inv, bindings, batchDescription(call, inv), true),
            call.paged() ? pageSize : null));
      } else if (step.parent() != null) {
        steps.add("parent " + step.parent().table() + "[" + describe(tables.get(step.parent().table()),
            parentConstraints(step.parent(), inv), null) + "]");
      } else {
        steps.add("each " + step.each().as());
      }
    }
    return String.join(" -> ", steps);
  }

  private static String batchDescription(CallSpec call, Invocation inv) {
    return call.batch() == null ? null
        : String.join(",", inv.values().get(call.batch())) + " (" + batchSize(call) + " per call)";
  }

  private List<Invocation> invocations(BoundTable table, Map<String, KeyConstraint> constraints) {
    TableSpec spec = table.spec();
    KeyValues values = KeyValues.from(spec, constraints);
    Set<String> batchKeys = new LinkedHashSet<>();
    Set<String> planKeys = new LinkedHashSet<>();
    for (PlanSpec plan : table.plans()) {
      plan.steps().stream().filter(s -> s.call() != null && s.call().batch() != null)
          .forEach(s -> batchKeys.add(s.call().batch()));
      plan.when().forEach(w -> planKeys.add(conditionColumn(w)));
    }
    planKeys.removeAll(batchKeys);
    List<String> pushKeys = values.all().entrySet().stream()
        .filter(e -> e.getValue().size() == 1 && !planKeys.contains(e.getKey()) && !batchKeys.contains(e.getKey()))
        .map(Map.Entry::getKey).toList();
    List<String> comboKeys = new ArrayList<>(planKeys);
    comboKeys.addAll(pushKeys);

    Map<List<Object>, Invocation> distinct = new LinkedHashMap<>();
    for (Map<String, String> combo : values.combinations(comboKeys)) {
      PlanSpec plan = table.plans().stream()
          .filter(p -> p.when().stream().allMatch(w -> satisfied(w, combo, values, batchKeys)))
          .findFirst()
          .orElseThrow(() -> missingFor(table, combo, constraints));
      // Keep only the keys this plan reads, so that unused IN values do not repeat the plan.
      Map<String, String> used = new LinkedHashMap<>();
      combo.forEach((column, value) -> {
        if (pushKeys.contains(column) || plan.when().stream().anyMatch(w -> conditionColumn(w).equals(column))) {
          used.put(column, value);
        }
      });
      distinct.putIfAbsent(List.of(plan, used), new Invocation(plan, used, values));
    }
    return List.copyOf(distinct.values());
  }

  private static String conditionColumn(String condition) {
    int eq = condition.indexOf('=');
    return eq < 0 ? condition : condition.substring(0, eq);
  }

  private static boolean satisfied(String condition, Map<String, String> combo, KeyValues values, Set<String> batchKeys) {
    int eq = condition.indexOf('=');
    if (eq >= 0) {
      return condition.substring(eq + 1).equalsIgnoreCase(combo.get(condition.substring(0, eq)));
    }
    return combo.containsKey(condition) || batchKeys.contains(condition) && values.has(condition);
  }

  private static MissingKeyException missingFor(BoundTable table, Map<String, String> combo, Map<String, KeyConstraint> constraints) {
    TableSpec spec = table.spec();
    for (PlanSpec plan : table.plans()) {
      for (String condition : plan.when()) {
        String column = conditionColumn(condition);
        if (!combo.containsKey(column) && spec.key(column).isPresent()) {
          return KeyValues.missing(spec, spec.key(column).get(), constraints.get(column.toLowerCase(Locale.ROOT)));
        }
      }
    }
    return new MissingKeyException("Table " + spec.name() + " has no tool call for the key values " + combo
        + ". For example: " + spec.example());
  }

  /** A LIMIT on a plan that is a single list call sets the page size of that short read. */
  private int pageSize(List<Invocation> invocations, Integer fetch) {
    boolean singleListCall = invocations.size() == 1
        && invocations.get(0).plan().steps().size() == 1
        && invocations.get(0).plan().steps().get(0).call() != null;
    int size = pageSizes.toAsk();
    return singleListCall && fetch != null ? Math.max(1, Math.min(fetch, size)) : size;
  }

  private static Bindings start(Invocation inv) {
    ObjectNode key = JSON.objectNode();
    inv.key().forEach(key::put);
    return Bindings.EMPTY.with("key", key);
  }

  private Iterator<Bindings> steps(BoundTable table, Invocation inv, int index, Bindings bindings, int pageSize, QueryRun run) {
    List<StepSpec> steps = inv.plan().steps();
    if (index == steps.size()) {
      return List.of(bindings).iterator();
    }
    StepSpec step = steps.get(index);
    int nextPageSize = pageSizes.toAsk();
    if (step.call() != null) {
      CallSpec call = step.call();
      return flatMap(calls(table, call, inv, bindings, pageSize, run),
          record -> steps(table, inv, index + 1, bindings.with(call.as(), record), nextPageSize, run));
    }
    if (step.parent() != null) {
      BoundTable parent = tables.get(step.parent().table());
      return flatMap(run(parent, parentConstraints(step.parent(), inv), null, run),
          parentBindings -> steps(table, inv, index + 1, parentBindings.withAll(bindings), nextPageSize, run));
    }
    return flatMap(each(step.each(), bindings).iterator(),
        itemBindings -> steps(table, inv, index + 1, itemBindings, nextPageSize, run));
  }

  private Iterator<JsonNode> calls(BoundTable table, CallSpec call, Invocation inv, Bindings bindings, int pageSize, QueryRun run) {
    Operation operation = table.operation(call);
    boolean byKey = call.args().values().stream().anyMatch(v -> v.asText().startsWith("$"));
    Integer pages = call.paged() ? pageSize : null;
    if (call.batch() == null) {
      return new Pager(calls, operation, arguments(call, inv, bindings, null, false), call.records(), pages, pageSizes, byKey,
          run);
    }
    List<String> ids = inv.values().get(call.batch());
    List<String> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += batchSize(call)) {
      batches.add(String.join(",", ids.subList(from, Math.min(ids.size(), from + batchSize(call)))));
    }
    return flatMap(batches.iterator(),
        batch -> new Pager(calls, operation, arguments(call, inv, bindings, batch, false), call.records(), pages, pageSizes,
            byKey, run));
  }

  private static int batchSize(CallSpec call) {
    return call.batchSize() == null ? 25 : call.batchSize();
  }

  /** The operation's arguments by API name; in describe mode unresolved references stay as text. */
  private static Map<String, JsonNode> arguments(CallSpec call, Invocation inv, Bindings bindings, String batch, boolean describe) {
    Map<String, JsonNode> arguments = new LinkedHashMap<>();
    call.args().forEach((name, value) -> {
      String text = value.isTextual() ? value.asText() : "";
      if (!text.startsWith("$")) {
        arguments.put(name, value);
      } else if (text.equals("$batch")) {
        arguments.put(name, TextNode.valueOf(batch));
      } else {
        JsonNode resolved = bindings.resolve(text.substring(1));
        if (!resolved.isMissingNode() && !resolved.isNull()) {
          arguments.put(name, resolved);
        } else if (describe) {
          arguments.put(name, TextNode.valueOf(text));
        }
      }
    });
    call.pushdown().forEach((column, argument) -> {
      String value = inv.key().get(column);
      if (value != null) {
        arguments.put(argument, TextNode.valueOf(value));
      }
    });
    return arguments;
  }

  private static Map<String, KeyConstraint> parentConstraints(ParentSpec parent, Invocation inv) {
    Map<String, KeyConstraint> constraints = new LinkedHashMap<>();
    parent.keys().forEach((parentColumn, childColumn) -> {
      String value = inv.key().get(childColumn);
      if (value != null) {
        constraints.put(parentColumn.toLowerCase(Locale.ROOT), KeyConstraint.of(List.of(value)));
      }
    });
    return constraints;
  }

  private static List<Bindings> each(EachSpec each, Bindings bindings) {
    List<Bindings> out = new ArrayList<>();
    for (EachSpec.Source source : each.from()) {
      JsonNode array = bindings.resolve(source.path());
      if (!array.isArray()) {
        continue;
      }
      ObjectNode constants = JSON.objectNode();
      source.with().forEach(constants::put);
      for (JsonNode item : array) {
        Bindings candidate = bindings.with(each.as(), item).with("with", constants);
        if (!skipped(each, candidate)) {
          out.add(candidate);
        }
      }
    }
    return out;
  }

  private static boolean skipped(EachSpec each, Bindings candidate) {
    if (each.skipWhenEqual().size() != 2) {
      return false;
    }
    JsonNode left = candidate.resolve(each.skipWhenEqual().get(0));
    JsonNode right = candidate.resolve(each.skipWhenEqual().get(1));
    return !left.isMissingNode() && !left.isNull() && Objects.equals(left, right);
  }

  private static <A, B> Iterator<B> flatMap(Iterator<A> outer, Function<A, Iterator<B>> expand) {
    return new FlatMapIterator<>(outer, expand);
  }
}
