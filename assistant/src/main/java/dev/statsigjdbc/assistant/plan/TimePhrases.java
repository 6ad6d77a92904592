package dev.statsigjdbc.assistant.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time phrase relative to a given today. The conventions (docs/assistant.md, "Periods"):
 * <ul>
 *   <li>"last N days / weeks / months", "past N days": N whole days (7N, N months) ending yesterday
 *       (today is not over, and a metric's days end yesterday);</li>
 *   <li>"this week / month / quarter / year", "so far this ...", "since the start of the ...",
 *       "quarter to date": from its first day to today;</li>
 *   <li>"last / previous week, month, quarter, year": the previous whole calendar period (weeks
 *       start on Monday);</li>
 *   <li>"in Q3", "Q3 2026", "in 2025", "in March", "since March": calendar quarters, years and
 *       months (without a year, the latest one that has started), "since" runs to today.</li>
 * </ul>
 */
public final class TimePhrases {
  private static final String MONTHS =
      "(january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final String UNIT = "(week|month|quarter|year)";
  /** Words of time phrases: known words, never typos. */
  static final Set<String> WORDS = Set.of("last", "past", "previous", "this", "current", "since", "start", "beginning",
      "so", "far", "to", "date", "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
      "yesterday", "today", "ytd", "qtd", "mtd", "q1", "q2", "q3", "q4", "january", "february", "march", "april", "may",
      "june", "july", "august", "september", "october", "november", "december");

  private record Rule(Pattern pattern, Function<Matcher, Period> read) {}

  private final LocalDate today;
  private final List<Rule> rules;

  public TimePhrases(LocalDate today) {
    this.today = today;
    this.rules = List.of(
        new Rule(Pattern.compile("\\b(?:(?:in|over|during) )?(?:the )?(?:last|past|previous) (\\d{1,3}) (day|week|month)s?\\b"),
            m -> lastN(Integer.parseInt(m.group(1)), m.group(2), core(m.group()))),
        new Rule(Pattern.compile("\\b(?:(?:since|from) the (?:start|beginning) of (?:the|this) " + UNIT
                + "|(?:so far )?(?:this|current) " + UNIT + "(?: so far| to date)?|" + UNIT + " to date)\\b"),
            m -> toDate(firstNonNull(m.group(1), m.group(2), m.group(3)), m.group())),
        new Rule(Pattern.compile("\\b(ytd|qtd|mtd)\\b"),
            m -> toDate(m.group(1).equals("ytd") ? "year" : m.group(1).equals("qtd") ? "quarter" : "month", m.group())),
        new Rule(Pattern.compile("\\b(?:(?:in|during|over) )?(?:the )?(last|previous|past) " + UNIT + "\\b"),
            m -> previous(m.group(2), core(m.group()))),
        new Rule(Pattern.compile("\\b(?:(?:in|during) )?(?:the )?q([1-4])(?: (\\d{4}))?\\b"),
            m -> quarter(Integer.parseInt(m.group(1)), m.group(2), m.group())),
        new Rule(Pattern.compile("\\b(since|from|in|during) " + MONTHS + "\\b(?: (\\d{4}))?"),
            m -> month(m.group(1), m.group(2), m.group(3), m.group())),
        new Rule(Pattern.compile("\\b(?:in|during) (20\\d\\d)\\b"), m -> year(Integer.parseInt(m.group(1)), m.group())),
        new Rule(Pattern.compile("\\b(yesterday|today)\\b"), m -> {
          LocalDate day = m.group(1).equals("today") ? today : today.minusDays(1);
          return new Period(day, day, m.group(1), m.group(1));
        }));
  }

  /** The first time phrase in a normalized (lower-case, single-spaced) text, if any. */
  public Optional<Period> find(String text) {
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(text);
      if (m.find()) {
        return Optional.of(rule.read().apply(m));
      }
    }
    return Optional.empty();
  }

  /** The first time phrase among the reading's unused words; its words become used. */
  Optional<Period> take(Reading reading) {
    for (Rule rule : rules) {
      Optional<Matcher> m = reading.take(rule.pattern());
      if (m.isPresent()) {
        return Optional.of(rule.read().apply(m.get()));
      }
    }
    return Optional.empty();
  }

  /** The phrase without its lead-in ("over the last 30 days" -> "last 30 days"): what a pin keeps and shows. */
  private static String core(String phrase) {
    return phrase.replaceFirst("^(?:(?:in|over|during) )?(?:the )?", "");
  }

  private Period lastN(int n, String unit, String label) {
    if (n < 1) {
      throw new IllegalArgumentException("A period of " + n + " " + unit + "s is empty: ask for at least one.");
    }
    LocalDate end = today.minusDays(1);
    LocalDate start = switch (unit) {
      case "week" -> today.minusWeeks(n);
      case "month" -> end.minusMonths(n).plusDays(1);
      default -> today.minusDays(n);
    };
    return new Period(start, end, label, label);
  }

  /** "this quarter": its first day to today. */
  private Period toDate(String unit, String label) {
    return new Period(first(unit, today), today, label, label);
  }

  /** "last quarter": the whole calendar quarter before this one. */
  private Period previous(String unit, String label) {
    LocalDate start = switch (unit) {
      case "week" -> first(unit, today).minusWeeks(1);
      case "month" -> first(unit, today).minusMonths(1);
      case "quarter" -> first(unit, today).minusMonths(3);
      default -> first(unit, today).minusYears(1);
    };
    LocalDate end = first(unit, today).minusDays(1);
    return new Period(start, end, label, label);
  }

  private static LocalDate first(String unit, LocalDate day) {
    return switch (unit) {
      case "week" -> day.with(DayOfWeek.MONDAY);
      case "month" -> day.withDayOfMonth(1);
      case "quarter" -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
      default -> day.withDayOfYear(1);
    };
  }

  /** "Q3": the latest third quarter that has started; "Q3 2025" that one. Absolute. */
  private Period quarter(int q, String year, String label) {
    LocalDate start = LocalDate.of(year == null ? today.getYear() : Integer.parseInt(year), 3 * q - 2, 1);
    if (year == null && start.isAfter(today)) {
      start = start.minusYears(1);
    }
    LocalDate end = start.plusMonths(3).minusDays(1);
    return new Period(start, end.isAfter(today) ? today : end, label);
  }

  private Period year(int year, String label) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = start.plusYears(1).minusDays(1);
    if (start.isAfter(today)) {
      throw new IllegalArgumentException(year + " has not started yet (today is " + today + ").");
    }
    return new Period(start, end.isAfter(today) ? today : end, label);
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
    if (first.isAfter(today)) {
      throw new IllegalArgumentException(label + " has not started yet (today is " + today + ").");
    }
    LocalDate end = preposition.equals("in") || preposition.equals("during") ? first.plusMonths(1).minusDays(1) : today;
    return new Period(first, end.isAfter(today) ? today : end, label);
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    throw new IllegalArgumentException("no unit");
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
