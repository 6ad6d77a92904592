package dev.statsigjdbc.assistant.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A span of whole days, both ends included, with the words that named it.
 *
 * @param phrase for a period relative to today ("this quarter", "last 30 days"), the time phrase
 *     that gives the same kind of period on another day (a pinned answer re-reads it when its
 *     dashboard is rendered); null for an absolute period ("in March 2026", "since October")
 */
public record Period(LocalDate start, LocalDate end, String label, String phrase) {

  public Period {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period " + label + " ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /** An absolute period. */
  public Period(LocalDate start, LocalDate end, String label) {
    this(start, end, label, null);
  }

  public boolean relative() {
    return phrase != null;
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** The last {@code days} days of this period. */
  public Period lastDays(int days) {
    return days >= days() ? this : new Period(end.minusDays(days - 1L), end, label + " (last " + days + " days)", phrase);
  }

  /** The same period ending on {@code newEnd}. */
  public Period endingOn(LocalDate newEnd) {
    return new Period(start, newEnd, label, phrase);
  }

  @Override
  public String toString() {
    return label + " (" + start + " to " + end + ")";
  }
}
