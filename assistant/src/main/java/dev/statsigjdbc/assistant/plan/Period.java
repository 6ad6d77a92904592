package dev.statsigjdbc.assistant.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A span of whole days, both ends included, with the phrase that named it. */
public record Period(LocalDate start, LocalDate end, String label) {

  public Period {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("period " + label + " ends (" + end + ") before it starts (" + start + ")");
    }
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** The last {@code days} days of this period. */
  public Period lastDays(int days) {
    return days >= days() ? this : new Period(end.minusDays(days - 1L), end, label + " (last " + days + " days)");
  }

  @Override
  public String toString() {
    return label + " (" + start + " to " + end + ")";
  }
}
