package dev.statsigjdbc.cli;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;

/**
 * A JDBC value as the command line prints it: timestamps and times in ISO 8601
 * ({@code 2026-11-05T15:00:00}, not JDBC's {@code 2026-11-05 15:00:00.0}), everything else as
 * its own text; null stays null (each format shows it its own way).
 */
final class CellText {
  private CellText() {}

  static String of(Object value) {
    if (value instanceof Timestamp timestamp) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp.toLocalDateTime());
    }
    if (value instanceof Time time) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(time.toLocalTime());
    }
    return value == null ? null : value.toString();
  }
}
