package dev.statsigjdbc.adapter.sql;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Scan of a curated table with what was pushed into it. EXPLAIN shows the tool calls it will
 * make, with their arguments.
 */
public final class StatsigTableScan extends TableScan implements EnumerableRel {

  private static final double UNFILTERED_ROWS = 1000;

  private final StatsigTable statsigTable;
  private final ScanRequest request;

  StatsigTableScan(RelOptCluster cluster, RelOptTable table, StatsigTable statsigTable, ScanRequest request) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
    this.statsigTable = statsigTable;
    this.request = request;
  }

  ScanRequest request() {
    return request;
  }

  StatsigTable statsigTable() {
    return statsigTable;
  }

  StatsigTableScan withRequest(ScanRequest newRequest) {
    return new StatsigTableScan(getCluster(), getTable(), statsigTable, newRequest);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public void register(RelOptPlanner planner) {
    StatsigRules.ALL.forEach(planner::addRule);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    Map<String, String> keys = new TreeMap<>();
    request.keys().forEach((column, constraint) -> keys.put(column, constraint.toString()));
    return super.explainTerms(pw)
        .itemIf("keys", keys, !keys.isEmpty())
        .itemIf("fetch", request.fetch(), request.fetch() != null)
        .itemIf("filtered", true, request.filtered())
        .item("calls", statsigTable.runner().describe(statsigTable.bound(), request.keys(), request.fetch()));
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = UNFILTERED_ROWS;
    for (var constraint : request.keys().values()) {
      rows = constraint.isRange() ? rows / 4 : Math.min(rows / 10, constraint.values().size());
    }
    if (request.filtered()) {
      rows *= 0.9;
    }
    return request.fetch() == null ? rows : Math.min(rows, request.fetch());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, rows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    Expression execution = implementor.stash(new ScanExecution(statsigTable, request), ScanExecution.class);
    return implementor.result(
        physType,
        Blocks.toBlock(Expressions.call(execution, "enumerable", implementor.getRootExpression())));
  }
}
