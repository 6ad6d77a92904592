package dev.statsigjdbc.assistant.dashboard;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.Period;
import dev.statsigjdbc.assistant.plan.Plan;
import dev.statsigjdbc.assistant.plan.Slot;
import dev.statsigjdbc.assistant.sql.Sql;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * One answer pinned to a dashboard: the question, its SQL and what the narrator needs to chart
 * the rows again (intent, slots, period), the chart as last drawn, when it was pinned and when
 * its SQL last ran. A relative period keeps its phrase: each render runs the SQL over that
 * phrase's period as of the render's day ({@link dev.statsigjdbc.assistant.plan.PeriodRebase}).
 */
public record Pin(String question, String sql, Intent intent, Map<Slot, String> slots, Period period,
    ChartSpec chart, Instant pinnedAt, Instant refreshedAt) {

  public Pin {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(pinnedAt, "pinnedAt");
    Objects.requireNonNull(refreshedAt, "refreshedAt");
    slots = Map.copyOf(slots);
    // Whole seconds: what people read on the page and in the file.
    pinnedAt = pinnedAt.truncatedTo(ChronoUnit.SECONDS);
    refreshedAt = refreshedAt.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Pins an understood answer as of {@code now}. */
  public static Pin of(Answer answer, Instant now) {
    if (!answer.understood()) {
      throw new IllegalArgumentException("Only an answered question can be pinned; this one was not understood: "
          + answer.question());
    }
    Plan plan = answer.plan();
    return new Pin(answer.question(), answer.sql(), plan.intent(), plan.slots(), plan.period(), answer.chart(), now, now);
  }

  /** The plan again, its SQL read back and checked to be one read-only query. */
  public Plan plan() {
    return Plan.understood(intent, Sql.parse(sql), slots, period, "Pinned: " + question);
  }

  /** The same pin with a chart drawn from rows read at {@code now}. */
  public Pin refreshed(ChartSpec freshChart, Instant now) {
    return new Pin(question, sql, intent, slots, period, freshChart, pinnedAt, now);
  }

  /** The same pin as run at {@code now} by {@code plan} (its relative period moved to that day), with its new chart. */
  public Pin refreshed(Plan plan, ChartSpec freshChart, Instant now) {
    return new Pin(question, plan.sql(), intent, slots, plan.period(), freshChart, pinnedAt, now);
  }
}
