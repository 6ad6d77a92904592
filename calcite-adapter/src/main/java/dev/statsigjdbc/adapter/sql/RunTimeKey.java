package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.KeyConstraint;
import java.time.LocalDate;
import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A condition on a key column whose value is known only when the query runs: a column of the
 * enclosing row in a correlated join ({@code tag = $cor0.name}), or an expression such as
 * {@code CURRENT_DATE - INTERVAL '7' DAY}. It is evaluated at run time, not when planning, so
 * that a plan kept for later executions is not stuck on the day it was planned.
 *
 * @param kind the comparison seen from the column: {@code =, <, <=, >, >=}
 */
record RunTimeKey(String column, SqlKind kind, RexNode expression) {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** The constraint on the column for {@code value}, the expression's value as generated code computed it. */
  KeyConstraint constraint(Object value) {
    if (value == null) {
      return KeyConstraint.of(List.of()); // a null never compares true: no rows
    }
    SqlTypeName type = expression.getType().getSqlTypeName();
    if (type == SqlTypeName.TIMESTAMP) {
      // Day of the instant: a bound loosened to whole days (Calcite still checks the exact one).
      String day = LocalDate.ofEpochDay(Math.floorDiv(((Number) value).longValue(), MILLIS_PER_DAY)).toString();
      SqlKind inclusive = kind == SqlKind.GREATER_THAN ? SqlKind.GREATER_THAN_OR_EQUAL
          : kind == SqlKind.LESS_THAN ? SqlKind.LESS_THAN_OR_EQUAL : kind;
      return KeyFilterExtractor.constraint(inclusive == SqlKind.EQUALS ? SqlKind.GREATER_THAN_OR_EQUAL : inclusive, day);
    }
    String text = type == SqlTypeName.DATE ? LocalDate.ofEpochDay(((Number) value).longValue()).toString()
        : String.valueOf(value);
    return KeyFilterExtractor.constraint(kind, text);
  }

  /** For EXPLAIN: the expression in place of its value. */
  KeyConstraint described() {
    String text = expression.toString();
    return switch (kind) {
      case GREATER_THAN, GREATER_THAN_OR_EQUAL -> KeyConstraint.range(text, null);
      case LESS_THAN, LESS_THAN_OR_EQUAL -> KeyConstraint.range(null, text);
      default -> KeyConstraint.of(List.of(text));
    };
  }
}
