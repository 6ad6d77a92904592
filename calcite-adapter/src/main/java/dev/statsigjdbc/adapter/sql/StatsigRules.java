package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rel.core.RelFactories;

/**
 * Planner rules that push work into {@link StatsigTableScan}. Both keep the original operator
 * above the scan: the tools may filter loosely, so Calcite still checks every condition and
 * still enforces the limit; what is pushed only saves calls.
 */
final class StatsigRules {

  private StatsigRules() {}

  /** Key values of a Filter directly above an unanalysed scan become tool arguments. */
  static final class FilterIntoScan extends RelRule<RuleConfig> {
    FilterIntoScan(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      StatsigTableScan scan = call.rel(1);
      Map<String, KeyConstraint> keys = KeyFilterExtractor.extract(
          filter.getCondition(), scan.statsigTable().bound().spec(), filter.getCluster().getRexBuilder());
      RelNode pushed = scan.withRequest(scan.request().withKeys(keys));
      call.transformTo(filter.copy(filter.getTraitSet(), pushed, filter.getCondition()));
    }
  }

  /** A LIMIT (without ORDER BY) directly above the scan, or above a projection of it. */
  static final class LimitIntoScan extends RelRule<RuleConfig> {
    LimitIntoScan(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Sort sort = call.rel(0);
      StatsigTableScan scan = call.rel(call.rels.length - 1);
      int rows = literalInt(sort.fetch) + (sort.offset == null ? 0 : literalInt(sort.offset));
      RelNode input = scan.withRequest(scan.request().withFetch(rows));
      if (call.rels.length == 3) {
        Project project = call.rel(1);
        input = project.copy(project.getTraitSet(), List.of(input));
      }
      call.transformTo(sort.copy(sort.getTraitSet(), input, sort.getCollation(), sort.offset, sort.fetch));
    }

    private static int literalInt(RexNode node) {
      return ((RexLiteral) node).getValueAs(Integer.class);
    }
  }

  private static boolean isPushableLimit(Sort sort) {
    return sort.fetch instanceof RexLiteral
        && (sort.offset == null || sort.offset instanceof RexLiteral)
        && sort.getCollation().getFieldCollations().isEmpty();
  }

  static final RelOptRule FILTER_INTO_SCAN = new RuleConfig(
      "StatsigFilterIntoScan",
      b0 -> b0.operand(Filter.class).oneInput(b1 ->
          b1.operand(StatsigTableScan.class).predicate(scan -> !scan.request().filtered()).noInputs()),
      RelFactories.LOGICAL_BUILDER,
      FilterIntoScan::new).toRule();

  static final RelOptRule LIMIT_INTO_SCAN = new RuleConfig(
      "StatsigLimitIntoScan",
      b0 -> b0.operand(Sort.class).predicate(StatsigRules::isPushableLimit).oneInput(b1 ->
          b1.operand(StatsigTableScan.class).predicate(scan -> scan.request().fetch() == null).noInputs()),
      RelFactories.LOGICAL_BUILDER,
      LimitIntoScan::new).toRule();

  static final RelOptRule LIMIT_INTO_PROJECTED_SCAN = new RuleConfig(
      "StatsigLimitIntoProjectedScan",
      b0 -> b0.operand(Sort.class).predicate(StatsigRules::isPushableLimit).oneInput(b1 ->
          b1.operand(Project.class).oneInput(b2 ->
              b2.operand(StatsigTableScan.class).predicate(scan -> scan.request().fetch() == null).noInputs())),
      RelFactories.LOGICAL_BUILDER,
      LimitIntoScan::new).toRule();

  static final List<RelOptRule> ALL = List.of(FILTER_INTO_SCAN, LIMIT_INTO_SCAN, LIMIT_INTO_PROJECTED_SCAN);
}
