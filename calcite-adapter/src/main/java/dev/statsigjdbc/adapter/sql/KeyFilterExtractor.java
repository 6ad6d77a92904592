package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.catalog.KeySpec;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;

/**
 * Reads key-column values out of a filter condition: {@code col = v}, {@code col IN (...)}
 * (an OR of equalities) and, for range keys, bounds from {@code <, <=, >, >=, BETWEEN}; a value
 * known only at run time becomes a {@link RunTimeKey}. Anything else is left to Calcite, which
 * keeps evaluating the whole condition above the scan.
 */
final class KeyFilterExtractor {

  private record Bound(int column, SqlKind kind, String value) {}

  private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.LESS_THAN,
      SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);

  private KeyFilterExtractor() {}

  static PushedKeys extract(RexNode condition, TableSpec table, RexBuilder rexBuilder) {
    Map<String, KeyConstraint> keys = new LinkedHashMap<>();
    List<RunTimeKey> runTime = new ArrayList<>();
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
    for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
      Optional<RunTimeKey> known = runTimeKey(conjunct, table);
      if (known.isPresent()) {
        Optional<KeySpec> key = table.key(known.get().column());
        if (key.isPresent() && (known.get().kind() == SqlKind.EQUALS || key.get().accepts("RANGE"))) {
          runTime.add(known.get());
        }
        continue;
      }
      Optional<Map.Entry<Integer, List<String>>> equalities = equalities(conjunct);
      if (equalities.isPresent()) {
        String column = columnName(table, equalities.get().getKey());
        keys.merge(column, KeyConstraint.of(equalities.get().getValue()), KeyConstraint::and);
        continue;
      }
      bound(conjunct).ifPresent(b -> {
        String column = columnName(table, b.column());
        Optional<KeySpec> key = table.key(column);
        if (key.isPresent() && key.get().accepts("RANGE")) {
          keys.merge(column, constraint(b.kind(), b.value()), KeyConstraint::and);
        }
      });
    }
    keys.keySet().removeIf(column -> table.key(column).isEmpty());
    return new PushedKeys(keys, runTime);
  }

  /**
   * {@code col op expression} where the expression reads no column of this table and is not a
   * literal: a column of the enclosing row ({@code $cor0.name}) or {@code CURRENT_DATE - 7}.
   */
  private static Optional<RunTimeKey> runTimeKey(RexNode node, TableSpec table) {
    if (!(node instanceof RexCall call) || call.getOperands().size() != 2 || !COMPARISONS.contains(call.getKind())) {
      return Optional.empty();
    }
    RexNode left = RexUtil.removeCast(call.getOperands().get(0));
    RexNode right = RexUtil.removeCast(call.getOperands().get(1));
    if (left instanceof RexInputRef ref && isRunTimeValue(right)) {
      return Optional.of(new RunTimeKey(columnName(table, ref.getIndex()), call.getKind(), right));
    }
    if (right instanceof RexInputRef ref && isRunTimeValue(left)) {
      return Optional.of(new RunTimeKey(columnName(table, ref.getIndex()), call.getKind().reverse(), left));
    }
    return Optional.empty();
  }

  private static boolean isRunTimeValue(RexNode node) {
    return !(node instanceof RexLiteral) && !RexUtil.containsInputRef(node) && RexUtil.isDeterministic(node)
        && !RexOver.containsOver(node);
  }

  private static String columnName(TableSpec table, int index) {
    return table.columns().get(index).name().toLowerCase(Locale.ROOT);
  }

  /** {@code col = a OR col = b ...} on one column. */
  private static Optional<Map.Entry<Integer, List<String>>> equalities(RexNode node) {
    Integer column = null;
    List<String> values = new ArrayList<>();
    for (RexNode disjunct : RelOptUtil.disjunctions(node)) {
      Optional<Bound> eq = bound(disjunct).filter(b -> b.kind() == SqlKind.EQUALS);
      if (eq.isEmpty() || column != null && column != eq.get().column()) {
        return Optional.empty();
      }
      column = eq.get().column();
      values.add(eq.get().value());
    }
    return column == null ? Optional.empty() : Optional.of(Map.entry(column, values));
  }

  /** {@code col op literal} or {@code literal op col}, with the operator seen from the column. */
  private static Optional<Bound> bound(RexNode node) {
    if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
      return Optional.empty();
    }
    SqlKind kind = call.getKind();
    if (!COMPARISONS.contains(kind)) {
      return Optional.empty();
    }
    RexNode left = RexUtil.removeCast(call.getOperands().get(0));
    RexNode right = RexUtil.removeCast(call.getOperands().get(1));
    if (left instanceof RexInputRef ref && right instanceof RexLiteral literal) {
      return text(literal).map(v -> new Bound(ref.getIndex(), kind, v));
    }
    if (right instanceof RexInputRef ref && left instanceof RexLiteral literal) {
      return text(literal).map(v -> new Bound(ref.getIndex(), kind.reverse(), v));
    }
    return Optional.empty();
  }

  private static Optional<String> text(RexLiteral literal) {
    Comparable<?> value = literal.getValue();
    if (value instanceof NlsString nls) {
      return Optional.of(nls.getValue());
    }
    if (value instanceof BigDecimal number) {
      return Optional.of(number.toPlainString());
    }
    if (value instanceof Boolean bool) {
      return Optional.of(bool.toString());
    }
    if (literal.getTypeName() == SqlTypeName.DATE) {
      return Optional.ofNullable(literal.getValueAs(DateString.class)).map(DateString::toString);
    }
    return Optional.empty();
  }

  /** The constraint {@code column kind value} puts on a key (ranges: on a date key, by whole days). */
  static KeyConstraint constraint(SqlKind kind, String value) {
    return switch (kind) {
      case EQUALS -> KeyConstraint.of(List.of(value));
      case GREATER_THAN -> KeyConstraint.range(LocalDate.parse(value).plusDays(1).toString(), null);
      case GREATER_THAN_OR_EQUAL -> KeyConstraint.range(value, null);
      case LESS_THAN -> KeyConstraint.range(null, LocalDate.parse(value).minusDays(1).toString());
      default -> KeyConstraint.range(null, value);
    };
  }
}
