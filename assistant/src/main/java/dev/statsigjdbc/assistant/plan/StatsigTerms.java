package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Sql;
import org.apache.calcite.sql.SqlNode;

/** Statsig's words, defined once for planners and summaries alike. */
public final class StatsigTerms {
  /** An experiment's status once someone made a ship decision. */
  public static final String DECISION_MADE = "decision_made";

  private StatsigTerms() {}

  /** "Decided": a decision was made (shipping control counts). */
  public static SqlNode decided(String experimentAlias) {
    return Sql.eq(Sql.col(experimentAlias, "status"), Sql.text(DECISION_MADE));
  }

  /** "Shipped": a decision was made and the launched group is a test group, not control. */
  public static SqlNode shipped(String experimentAlias) {
    return Sql.and(decided(experimentAlias),
        Sql.notEq(Sql.col(experimentAlias, "launched_group_id"), Sql.col(experimentAlias, "control_group_id")));
  }

  /**
   * "Moved": significant at the experiment's own confidence level. Results carry the interval at
   * that level, so a change is significant exactly when it lies outside its interval.
   */
  public static boolean moved(double absoluteChange, double ciDelta) {
    return Math.abs(absoluteChange) > ciDelta;
  }
}
