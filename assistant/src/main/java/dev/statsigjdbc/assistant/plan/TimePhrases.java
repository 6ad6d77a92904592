package dev.statsigjdbc.assistant.plan;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a time phrase ("this quarter", "last 30 days", "since March") relative to a given today. */
public final class TimePhrases {
  private static final String MONTHS =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final Pattern LAST_N =
      Pattern.compile("\\b(?:last|past|previous)\\s+(\\d{1,3})\\s+(day|week|month)s?\\b");
  private static final Pattern RELATIVE =
      Pattern.compile("\\b(this|last|previous|past)\\s+(week|month|quarter|year)\\b");
  private static final Pattern SINCE_MONTH = Pattern.compile("\\b(since|from|in)\\s+" + MONTHS + "\\b(?:\\s+(\\d{4}))?");
  private static final Pattern DAY_WORD = Pattern.compile("\\b(yesterday|today)\\b");

  private final LocalDate today;

  public TimePhrases(LocalDate today) {
    this.today = today;
  }

  /** The first time phrase in a normalized (lower-case) question, if any. */
  public Optional<Period> find(String text) {
    Matcher m = LAST_N.matcher(text);
    if (m.find()) {
      int n = Integer.parseInt(m.group(1));
      LocalDate start = switch (m.group(2)) {
        case "week" -> today.minusWeeks(n).plusDays(1);
        case "month" -> today.minusMonths(n).plusDays(1);
        default -> today.minusDays(n - 1L);
      };
      return Optional.of(new Period(start, today, m.group(), m.group()));
    }
    m = RELATIVE.matcher(text);
    if (m.find()) {
      return Optional.of(relative(m.group(1).equals("this") ? 0 : 1, m.group(2), m.group()));
    }
    m = SINCE_MONTH.matcher(text);
    if (m.find()) {
      return Optional.of(month(m.group(1), m.group(2), m.group(3), m.group()));
    }
    m = DAY_WORD.matcher(text);
    if (m.find()) {
      LocalDate day = m.group(1).equals("today") ? today : today.minusDays(1);
      return Optional.of(new Period(day, day, m.group(1), m.group(1)));
    }
    return Optional.empty();
  }

  /** "this/last week, month, quarter, year": relative, so the phrase is kept for another day. */
  private Period relative(int back, String unit, String label) {
    return switch (unit) {
      case "week" -> back == 0 ? new Period(today.minusDays(today.getDayOfWeek().getValue() - 1L), today, label, label)
          : new Period(today.minusDays(6), today, label, label);
      case "month" -> {
        LocalDate first = today.withDayOfMonth(1).minusMonths(back);
        yield new Period(first, back == 0 ? today : first.plusMonths(1).minusDays(1), label, label);
      }
      case "quarter" -> {
        LocalDate first = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3L * back);
        yield new Period(first, back == 0 ? today : first.plusMonths(3).minusDays(1), label, label);
      }
      default -> {
        LocalDate first = today.withDayOfYear(1).minusYears(back);
        yield new Period(first, back == 0 ? today : first.plusYears(1).minusDays(1), label, label);
      }
    };
  }

  /**
   * "since March" runs to today; "in March" is that month; without a year, the latest such month
   * not after today. Absolute: a pinned "since March" keeps the March it meant.
   */
  private Period month(String preposition, String name, String year, String label) {
    Month month = parseMonth(name);
    LocalDate first = LocalDate.of(year == null ? today.getYear() : Integer.parseInt(year), month, 1);
    if (year == null && first.isAfter(today)) {
      first = first.minusYears(1);
    }
    LocalDate end = preposition.equals("in") ? first.plusMonths(1).minusDays(1) : today;
    return new Period(first, end.isAfter(today) ? today : end, label);
  }

  private static Month parseMonth(String name) {
    for (Month month : Month.values()) {
      if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
        return month;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }
}
