package dev.statsigjdbc.adapter.sql;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * A hand-written {@link RelRule.Config} (Calcite generates its own with the Immutables processor,
 * which this build does not run): the operand tree, a description, and how to make the rule.
 */
record RuleConfig(
    String description,
    RelRule.OperandTransform operandSupplier,
    RelBuilderFactory relBuilderFactory,
    Function<RuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public RelRule.Config withRelBuilderFactory(RelBuilderFactory builderFactory) {
    return new RuleConfig(description, operandSupplier, builderFactory, factory);
  }

  @Override
  public RelRule.Config withDescription(String newDescription) {
    return new RuleConfig(newDescription, operandSupplier, relBuilderFactory, factory);
  }

  @Override
  public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
    return new RuleConfig(description, transform, relBuilderFactory, factory);
  }
}
