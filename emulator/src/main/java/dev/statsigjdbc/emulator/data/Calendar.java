package dev.statsigjdbc.emulator.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates and epoch-millisecond times of the dataset, all in UTC and relative to its "today". */
public final class Calendar {
  public static final long DAY_MS = 86_400_000L;
  private static final DateTimeFormatter AUDIT_DATE = DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.US);
  private static final DateTimeFormatter AUDIT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.US);

  private final LocalDate today;

  public Calendar(LocalDate today) {
    this.today = today;
  }

  public LocalDate today() {
    return today;
  }

  public static long startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  public static LocalDate dayOf(long epochMs) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochMs, DAY_MS));
  }

  /** First day of today's calendar quarter. */
  public LocalDate quarterStart() {
    int firstMonth = (today.getMonthValue() - 1) / 3 * 3 + 1;
    return LocalDate.of(today.getYear(), firstMonth, 1);
  }

  /** Parses a {@code YYYY-MM-DD} date, or returns null when the text is not one. */
  public static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The audit log's {@code date} field, e.g. "Mon Sep 26 2022". */
  public static String auditDate(long epochMs) {
    return AUDIT_DATE.format(Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC));
  }

  /** The audit log's {@code time} field, e.g. "23:46:14 GMT+0000 (Coordinated Universal Time)". */
  public static String auditTime(long epochMs) {
    return AUDIT_TIME.format(Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC))
        + " GMT+0000 (Coordinated Universal Time)";
  }
}
