package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.catalog.KeySpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Carries a filter across an inner join's equality of text keys: with {@code JOIN o ON
 * o.experiment_id = e.id WHERE o.experiment_id = 'x'}, {@code e} is filtered by {@code e.id = 'x'}
 * too (and the other way round), so a Statsig table gets the key as a tool argument and an
 * attached database the filter as SQL. It looks through the {@code CAST} that Calcite puts on a
 * join key whose type differs on the two sides ({@code VARCHAR(128)} against {@code VARCHAR}).
 *
 * <p>Only small filters cross: a key equal to a literal, or in a list of at most
 * {@value #MAX_VALUES} literals, and no more than the receiving Statsig key column takes. Calcite's own {@code JOIN_PUSH_TRANSITIVE_PREDICATES} copies any
 * predicate: Calcite turns a long {@code IN} list into a join with its values, and that whole list,
 * copied onto the other side, slipped past the key check (at most 100 ids) and overflowed the code
 * generator's stack.
 */
final class SmallTransitivePredicates extends RelRule<RuleConfig> {
  /** As many values as one key filter may carry (a key's default maxValues). */
  static final int MAX_VALUES = 100;

  static final RelOptRule RULE = new RuleConfig(
      "StatsigSmallTransitivePredicates",
      b0 -> b0.operand(LogicalJoin.class).predicate(join -> join.getJoinType() == JoinRelType.INNER).anyInputs(),
      RelFactories.LOGICAL_BUILDER,
      SmallTransitivePredicates::new).toRule();

  private SmallTransitivePredicates(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Join join = call.rel(0);
    RelMetadataQuery mq = call.getMetadataQuery();
    RexBuilder rex = join.getCluster().getRexBuilder();
    JoinInfo keys = join.analyzeCondition();
    List<RexNode> toLeft = new ArrayList<>();
    List<RexNode> toRight = new ArrayList<>();
    for (int i = 0; i < keys.leftKeys.size(); i++) {
      int left = keys.leftKeys.get(i);
      int right = keys.rightKeys.get(i);
      crossing(rex, mq, join.getLeft(), left, join.getRight(), right).ifPresent(toRight::add);
      crossing(rex, mq, join.getRight(), right, join.getLeft(), left).ifPresent(toLeft::add);
    }
    if (toLeft.isEmpty() && toRight.isEmpty()) {
      return;
    }
    RelNode left = toLeft.isEmpty() ? join.getLeft() : call.builder().push(join.getLeft()).filter(toLeft).build();
    RelNode right = toRight.isEmpty() ? join.getRight() : call.builder().push(join.getRight()).filter(toRight).build();
    call.transformTo(join.copy(join.getTraitSet(), join.getCondition(), left, right, join.getJoinType(),
        join.isSemiJoinDone()));
  }

  /**
   * The filter on {@code to}'s column {@code toKey} implied by the values {@code from}'s column
   * {@code fromKey} is restricted to; empty when there are none, too many, or {@code to} is as narrow already.
   */
  private static Optional<RexNode> crossing(RexBuilder rex, RelMetadataQuery mq, RelNode from, int fromKey,
      RelNode to, int toKey) {
    var toType = to.getRowType().getFieldList().get(toKey).getType();
    if (!SqlTypeFamily.CHARACTER.contains(toType)) {
      return Optional.empty();
    }
    Set<String> values = values(mq, from, fromKey);
    if (values.isEmpty() || values.size() > valueLimit(to, toKey)) {
      return Optional.empty();
    }
    Set<String> already = values(mq, to, toKey);
    if (!already.isEmpty() && values.containsAll(already)) {
      return Optional.empty(); // as narrow already (or crossed before)
    }
    RexNode column = rex.makeInputRef(toType, toKey);
    List<RexNode> literals = values.stream().map(v -> (RexNode) rex.makeLiteral(v, toType)).toList();
    return Optional.of(literals.size() == 1
        ? rex.makeCall(SqlStdOperatorTable.EQUALS, column, literals.get(0))
        : rex.makeIn(column, literals));
  }

  /**
   * The text values column {@code key} of {@code node} is restricted to by an equality or a
   * search of points, found by following the column down through filters and projections of
   * (cast) columns: the planner's predicate metadata sees nothing below its sets of equivalent
   * rels ({@code RelSubset}). Empty when unrestricted; stops at {@link #MAX_VALUES} + 1 values.
   */
  private static Set<String> values(RelMetadataQuery mq, RelNode node, int key) {
    RelNode rel = original(node);
    if (rel instanceof Filter filter) {
      Set<Integer> columns = sameColumn(filter.getInput(), key);
      for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
        for (int column : columns) {
          Set<String> found = valuesOf(conjunct, column);
          if (!found.isEmpty()) {
            return found;
          }
        }
      }
      return values(mq, filter.getInput(), key);
    }
    if (rel instanceof Project project) {
      return stripCast(project.getProjects().get(key)) instanceof RexInputRef ref
          ? values(mq, project.getInput(), ref.getIndex()) : Set.of();
    }
    for (RexNode predicate : mq.getPulledUpPredicates(rel).pulledUpPredicates) {
      Set<String> found = valuesOf(predicate, key);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return Set.of();
  }

  /**
   * How many values a filter on column {@code key} of {@code node} may carry: the key's own limit
   * when the column is a key of a Statsig table (a query within its limits must not fail because
   * of a filter it did not write), else {@link #MAX_VALUES}.
   */
  private static int valueLimit(RelNode node, int key) {
    RelNode rel = original(node);
    if (rel instanceof Filter filter) {
      return valueLimit(filter.getInput(), key);
    }
    if (rel instanceof Project project) {
      return stripCast(project.getProjects().get(key)) instanceof RexInputRef ref
          ? valueLimit(project.getInput(), ref.getIndex()) : MAX_VALUES;
    }
    StatsigTable table = rel instanceof TableScan scan ? scan.getTable().unwrap(StatsigTable.class) : null;
    if (table != null) {
      String column = rel.getRowType().getFieldNames().get(key);
      return table.bound().spec().key(column).map(KeySpec::valueLimit).orElse(MAX_VALUES);
    }
    return MAX_VALUES;
  }

  /** The columns of {@code node} that hold the same value as column {@code key}: a projection may repeat a column under a cast. */
  private static Set<Integer> sameColumn(RelNode node, int key) {
    Set<Integer> columns = new LinkedHashSet<>(List.of(key));
    if (original(node) instanceof Project project && stripCast(project.getProjects().get(key)) instanceof RexInputRef source) {
      for (int c = 0; c < project.getProjects().size(); c++) {
        if (source.equals(stripCast(project.getProjects().get(c)))) {
          columns.add(c);
        }
      }
    }
    return columns;
  }

  /** In the Volcano planner an input is a set of equivalents: look at the rel it started as. */
  private static RelNode original(RelNode node) {
    return node instanceof RelSubset subset && subset.getOriginal() != null ? subset.getOriginal() : node;
  }

  private static Set<String> valuesOf(RexNode predicate, int key) {
    if (!(predicate instanceof RexCall call) || call.getOperands().size() != 2
        || !(stripCast(call.getOperands().get(0)) instanceof RexInputRef ref) || ref.getIndex() != key
        || !(stripCast(call.getOperands().get(1)) instanceof RexLiteral literal)) {
      return Set.of();
    }
    Set<String> values = new LinkedHashSet<>();
    if (call.getKind() == SqlKind.EQUALS) {
      String value = literal.getValueAs(String.class);
      return value == null ? Set.of() : Set.of(value);
    }
    if (call.getKind() == SqlKind.SEARCH) {
      Sarg<?> sarg = literal.getValueAs(Sarg.class);
      if (sarg == null || !sarg.isPoints() || sarg.nullAs == RexUnknownAs.TRUE) {
        return Set.of();
      }
      for (var range : sarg.rangeSet.asRanges()) {
        if (values.size() > MAX_VALUES) {
          break;
        }
        Object point = range.lowerEndpoint();
        if (point instanceof NlsString text) {
          values.add(text.getValue());
        } else if (point instanceof String text) {
          values.add(text);
        } else {
          return Set.of();
        }
      }
    }
    return values;
  }

  private static RexNode stripCast(RexNode node) {
    return node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
  }
}
