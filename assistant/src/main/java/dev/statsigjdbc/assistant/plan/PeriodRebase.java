package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Sql;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * A plan made on one day, moved to another: a relative period ("this quarter", "last 30 days")
 * is read again against the new today, and the query's date bounds become the new period's. The
 * planners write a period as {@code DATE start} / {@code DATE end} (days) or
 * {@code TIMESTAMP start 00:00} / {@code TIMESTAMP end+1 00:00} (instants); exactly those
 * literals are replaced. Plans without a period or with an absolute one are returned as they are.
 */
public final class PeriodRebase {
  private PeriodRebase() {}

  public static Plan to(LocalDate today, Plan plan) {
    Period old = plan.period();
    if (old == null || !old.relative() || plan.query() == null) {
      return plan;
    }
    Period fresh = new TimePhrases(today).find(old.phrase()).orElseThrow(() ->
        new IllegalArgumentException("The pinned period '" + old.phrase() + "' is not a time phrase; pin the question again."));
    if (plan.intent() == Intent.METRIC_TREND) {
      fresh = OfflinePlanner.trendWindow(fresh, today);
    }
    if (fresh.start().equals(old.start()) && fresh.end().equals(old.end())) {
      return plan;
    }
    Map<Object, SqlNode> bounds = new HashMap<>();
    bounds.put(new DateString(old.start().toString()), Sql.date(fresh.start()));
    bounds.put(new DateString(old.end().toString()), Sql.date(fresh.end()));
    bounds.put(midnight(old.start()), Sql.startOf(fresh.start()));
    bounds.put(midnight(old.end().plusDays(1)), Sql.startOf(fresh.end().plusDays(1)));
    SqlNode query = plan.query().accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlLiteral literal) {
        Object value = value(literal);
        return value == null ? literal : bounds.getOrDefault(value, literal);
      }
    });
    return new Plan(plan.intent(), query, plan.slots(), fresh, plan.explanation(), plan.suggestions());
  }

  /** A DATE or TIMESTAMP literal's value; the parser leaves typed literals unresolved until validation. */
  private static Object value(SqlLiteral literal) {
    SqlLiteral typed = literal;
    if (literal instanceof SqlUnknownLiteral unknown) {
      SqlTypeName type = SqlTypeName.get(unknown.tag.toUpperCase(Locale.ROOT));
      if (type != SqlTypeName.DATE && type != SqlTypeName.TIMESTAMP) {
        return null;
      }
      typed = unknown.resolve(type);
    }
    return switch (typed.getTypeName()) {
      case DATE -> typed.getValueAs(DateString.class);
      case TIMESTAMP -> typed.getValueAs(TimestampString.class);
      default -> null;
    };
  }

  private static TimestampString midnight(LocalDate day) {
    return new TimestampString(day + " 00:00:00");
  }
}
