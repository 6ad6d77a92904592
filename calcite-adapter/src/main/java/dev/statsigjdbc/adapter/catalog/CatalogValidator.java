package dev.statsigjdbc.adapter.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that the table catalog is coherent before anything runs on it: keys are columns, plans
 * and pushdowns name keys, parents are declared earlier and joined on their keys, calls read
 * declared operations and give every path argument.
 */
final class CatalogValidator {

  private CatalogValidator() {}

  static List<String> problems(Map<String, Operation> operations, List<TableSpec> tables) {
    List<String> problems = new ArrayList<>();
    Map<String, TableSpec> declared = new HashMap<>();
    for (TableSpec table : tables) {
      String where = "table " + table.name() + ": ";
      if (declared.containsKey(table.name())) {
        problems.add(where + "declared twice");
      }
      for (KeySpec key : table.keys()) {
        if (table.columnIndex(key.column()) < 0) {
          problems.add(where + "key " + key.column() + " is not a column");
        }
      }
      for (PlanSpec plan : table.plans()) {
        for (String condition : plan.when()) {
          String column = condition.contains("=") ? condition.substring(0, condition.indexOf('=')) : condition;
          if (table.key(column).isEmpty()) {
            problems.add(where + "plan condition " + condition + " is not on a key");
          }
        }
        for (StepSpec step : plan.steps()) {
          problems.addAll(stepProblems(where, table, step, declared, operations));
        }
      }
      declared.put(table.name(), table);
    }
    return problems;
  }

  private static List<String> stepProblems(String where, TableSpec table, StepSpec step, Map<String, TableSpec> declared,
      Map<String, Operation> operations) {
    List<String> problems = new ArrayList<>();
    if (step.call() != null) {
      CallSpec call = step.call();
      Operation operation = operations.get(call.operation());
      if (operation == null) {
        problems.add(where + "operation " + call.operation() + " is not declared under operations");
      } else {
        operation.pathArguments().stream().filter(a -> !call.args().containsKey(a))
            .forEach(a -> problems.add(where + "a call of " + operation + " gives no path argument " + a));
      }
      call.pushdown().keySet().stream().filter(c -> table.key(c).isEmpty())
          .forEach(c -> problems.add(where + "pushdown column " + c + " is not a key"));
      if (call.batch() != null && table.key(call.batch()).isEmpty()) {
        problems.add(where + "batch column " + call.batch() + " is not a key");
      }
    }
    if (step.parent() != null) {
      TableSpec parent = declared.get(step.parent().table());
      if (parent == null) {
        problems.add(where + "parent " + step.parent().table() + " must be declared before it");
      } else {
        step.parent().keys().forEach((parentColumn, childColumn) -> {
          if (parent.key(parentColumn).isEmpty() || table.key(childColumn).isEmpty()) {
            problems.add(where + "parent key " + parentColumn + " -> " + childColumn + " must join key to key");
          }
        });
      }
    }
    return problems;
  }
}
