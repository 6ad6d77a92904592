package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.catalog.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
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
import org.apache.calcite.rex.RexProgramBuilder;

/**
 * Scan of a curated table with what was pushed into it. EXPLAIN shows the tool calls it will
 * make, with their arguments.
 */
public final class StatsigTableScan extends TableScan implements EnumerableRel {

  private static final double UNFILTERED_ROWS = 1000;
  private static final double MISSING_KEY_PENALTY = 1e12;
  private static final double UNSENT_FILTER_ONLY_PENALTY = 1e6;

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
    List<String> keys = new ArrayList<>();
    new TreeMap<>(request.keysForExplain()).forEach((column, constraint) -> keys.add(column + " " + constraint));
    return super.explainTerms(pw)
        .itemIf("keys", keys, !keys.isEmpty())
        .itemIf("fetch", request.fetch(), request.fetch() != null)
        .itemIf("filtered", true, request.filtered())
        .item("calls", statsigTable.runner().describe(statsigTable.bound(), request.keysForCalls(), request.fetch()));
  }

  /** Keys the tools cannot do without that are neither given nor fed by an enclosing row. */
  private long missingRequiredKeys() {
    return statsigTable.bound().spec().keys().stream()
        .filter(key -> key.required() && !request.supplies(key.column().toLowerCase(Locale.ROOT)))
        .count();
  }

  /** Filter-only key columns (null unless their value is sent) that are not sent. */
  private long unsentFilterOnlyKeys() {
    TableSpec spec = statsigTable.bound().spec();
    return spec.keys().stream()
        .filter(key -> isFilterOnly(spec, key.column()) && !request.supplies(key.column().toLowerCase(Locale.ROOT)))
        .count();
  }

  /** A column whose value is only ever the key value the query sent ({@code tag}: null unless filtered by). */
  static boolean isFilterOnly(TableSpec spec, String column) {
    int index = spec.columnIndex(column);
    return index >= 0 && spec.columns().get(index).paths().stream().allMatch(path -> path.startsWith("key."));
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = UNFILTERED_ROWS;
    for (var constraint : request.keys().values()) {
      rows = constraint.isRange() ? rows / 4 : Math.min(rows / 10, constraint.values().size());
    }
    for (int i = 0; i < request.runTimeKeys().size(); i++) {
      rows /= 10;
    }
    if (request.filtered()) {
      rows *= 0.9;
    }
    return request.fetch() == null ? rows : Math.min(rows, request.fetch());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // A scan lacking a required key runs only to report it: any plan that feeds the key (a
    // correlated join) must win, and among failing plans the one closest to valid.
    // A filter-only column left unsent reads as null: a join on it would match nothing, so a
    // plan that sends it per row wins over one that does not.
    double penalty = MISSING_KEY_PENALTY * missingRequiredKeys() + UNSENT_FILTER_ONLY_PENALTY * unsentFilterOnlyKeys();
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows + penalty, rows + penalty, rows);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
    BlockBuilder block = new BlockBuilder();
    Expression execution = implementor.stash(new ScanExecution(statsigTable, request), ScanExecution.class);
    Expression runTimeValues = Expressions.newArrayInit(Object.class,
        runTimeValueExpressions(implementor, block).stream().map(e -> Expressions.box(e)).toList());
    block.add(Expressions.return_(null,
        Expressions.call(execution, "enumerable", implementor.getRootExpression(), runTimeValues)));
    return implementor.result(physType, block.toBlock());
  }

  /** Java expressions computing the run-time keys' values (from the enclosing row, the statement's clock). */
  private List<Expression> runTimeValueExpressions(EnumerableRelImplementor implementor, BlockBuilder block) {
    if (request.runTimeKeys().isEmpty()) {
      return List.of();
    }
    RexProgramBuilder program = new RexProgramBuilder(
        getCluster().getTypeFactory().builder().build(), getCluster().getRexBuilder());
    request.runTimeKeys().forEach(key -> program.addProject(key.expression(), null));
    RexToLixTranslator.InputGetter noInput = (list, index, storageType) -> {
      throw new IllegalStateException("a run-time key reads no input column");
    };
    return RexToLixTranslator.translateProjects(program.getProgram(), implementor.getTypeFactory(),
        implementor.getConformance(), block, null, implementor.getRootExpression(), noInput,
        implementor::getCorrelVariableGetter);
  }
}
