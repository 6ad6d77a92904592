package dev.statsigjdbc.adapter.sql;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinToCorrelateRule;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Planner rules that push work into {@link StatsigTableScan}. The filter and limit rules keep
 * the original operator above the scan: the tools may filter loosely, so Calcite still checks
 * every condition and still enforces the limit; what is pushed only saves calls.
 */
final class StatsigRules {

  private StatsigRules() {}

  /**
   * Key values of a Filter above a curated scan become tool arguments. The scan may sit below
   * projections and other filters: Calcite does not push a correlated filter past a projection,
   * so the rule looks through them itself.
   */
  static final class FilterIntoScan extends RelRule<RuleConfig> {
    FilterIntoScan(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      RelNode pushed = pushInto(original(filter.getInput()), filter.getCondition());
      if (pushed != null) {
        call.transformTo(filter.copy(filter.getTraitSet(), pushed, filter.getCondition()));
      }
    }

    /** The input chain with the scan's request widened, or null when nothing new was pushed. */
    private static RelNode pushInto(RelNode node, RexNode condition) {
      if (node instanceof StatsigTableScan scan) {
        PushedKeys keys = KeyFilterExtractor.extract(
            condition, scan.statsigTable().bound().spec(), scan.getCluster().getRexBuilder());
        ScanRequest widened = scan.request().withKeys(keys);
        return widened.equals(scan.request()) ? null : scan.withRequest(widened);
      }
      if (node instanceof Project project) {
        RelNode input = pushInto(original(project.getInput()), RelOptUtil.pushPastProject(condition, project));
        return input == null ? null : project.copy(project.getTraitSet(), List.of(input));
      }
      if (node instanceof Filter filter) {
        RelNode input = pushInto(original(filter.getInput()), condition);
        return input == null ? null : filter.copy(filter.getTraitSet(), input, filter.getCondition());
      }
      return null;
    }
  }

  /** In the Volcano planner an input is a set of equivalents: look at the rel it started as. */
  private static RelNode original(RelNode node) {
    return node instanceof RelSubset subset && subset.getOriginal() != null ? subset.getOriginal() : node;
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
      // LIMIT 2^31 or a large OFFSET must not overflow into a negative fetch: saturate.
      long rows = literalLong(sort.fetch) + (sort.offset == null ? 0 : literalLong(sort.offset));
      RelNode input = scan.withRequest(scan.request().withFetch((int) Math.min(Integer.MAX_VALUE, rows)));
      if (call.rels.length == 3) {
        Project project = call.rel(1);
        input = project.copy(project.getTraitSet(), List.of(input));
      }
      call.transformTo(sort.copy(sort.getTraitSet(), input, sort.getCollation(), sort.offset, sort.fetch));
    }

    private static long literalLong(RexNode node) {
      return ((RexLiteral) node).getValueAs(Long.class);
    }
  }

  private static boolean isPushableLimit(Sort sort) {
    return sort.fetch instanceof RexLiteral
        && (sort.offset == null || sort.offset instanceof RexLiteral)
        && sort.getCollation().getFieldCollations().isEmpty();
  }

  static final RelOptRule FILTER_INTO_SCAN = new RuleConfig(
      "StatsigFilterIntoScan",
      // Logical filters only: a physical one of another convention (a JdbcFilter of an attached
      // database) copied over the Enumerable scan would send the Statsig table to that database.
      b0 -> b0.operand(Filter.class)
          .predicate(filter -> filter.getConvention() == Convention.NONE && curatedScanBelow(filter.getInput())).anyInputs(),
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

  /**
   * A join whose right side is a curated table joined on a key it cannot do without (a required
   * key, or a filter-only column such as {@code tag}, which is null unless its value was sent)
   * may run as a nested loop that feeds each left row's value to the right scan ({@code
   * $cor0.id}). The plain join stays an alternative; the cost of a scan lacking its key decides.
   */
  static final RelOptRule JOIN_TO_CORRELATE = CoreRules.JOIN_TO_CORRELATE.config
      .withOperandSupplier(b -> b.operand(LogicalJoin.class).predicate(StatsigRules::feedsNeededKey).anyInputs())
      .withDescription("StatsigJoinToCorrelate")
      .as(JoinToCorrelateRule.Config.class)
      .toRule();

  private static boolean feedsNeededKey(Join join) {
    return join.analyzeCondition().rightKeys.stream()
        .anyMatch(key -> isNeededKeyBehind(join.getRight(), key));
  }

  /** Follows a column down through projections and filters to a curated scan's needed key. */
  private static boolean isNeededKeyBehind(RelNode node, int column) {
    RelNode rel = original(node);
    if (rel instanceof StatsigTableScan scan) {
      var spec = scan.statsigTable().bound().spec();
      String name = spec.columns().get(column).name();
      return spec.key(name).filter(key -> key.required() || StatsigTableScan.isFilterOnly(spec, name)).isPresent();
    }
    if (rel instanceof Project project) {
      return project.getProjects().get(column) instanceof RexInputRef ref && isNeededKeyBehind(project.getInput(), ref.getIndex());
    }
    return rel instanceof Filter filter && isNeededKeyBehind(filter.getInput(), column);
  }

  private static boolean curatedScanBelow(RelNode node) {
    RelNode rel = original(node);
    return rel instanceof StatsigTableScan
        || rel instanceof Project project && curatedScanBelow(project.getInput())
        || rel instanceof Filter filter && curatedScanBelow(filter.getInput());
  }

  static final List<RelOptRule> ALL = List.of(FILTER_INTO_SCAN, LIMIT_INTO_SCAN, LIMIT_INTO_PROJECTED_SCAN, JOIN_TO_CORRELATE,
      SmallTransitivePredicates.RULE);
}
