package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Method;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * PostgreSQL functions that BI tools generate and Calcite's {@code postgresql} function library
 * lacks, added to each connection's root schema: {@code DATE_TRUNC('month', ts)}, as Superset
 * and Metabase write a time grain. Public: Calcite calls these methods from generated code.
 */
public final class PostgresFunctions {
  private static final List<String> UNITS =
      List.of("second", "minute", "hour", "day", "week", "month", "quarter", "year");

  private PostgresFunctions() {}

  /** Adds the functions to {@code root} (every name lower case: unquoted names are read that way). */
  static void addTo(SchemaPlus root) {
    Arrays.stream(PostgresFunctions.class.getMethods())
        .filter(method -> method.getName().equals("dateTrunc"))
        .forEach((Method method) -> root.add("date_trunc", ScalarFunctionImpl.create(method)));
  }

  /** {@code DATE_TRUNC(unit, timestamp)}: the timestamp rounded down to the start of its unit. */
  public static Timestamp dateTrunc(String unit, Timestamp value) {
    return value == null || unit == null ? null : Timestamp.valueOf(truncate(unit, value.toLocalDateTime()));
  }

  /** {@code DATE_TRUNC(unit, date)}: a timestamp, as in PostgreSQL. */
  public static Timestamp dateTrunc(String unit, Date value) {
    return value == null || unit == null ? null : Timestamp.valueOf(truncate(unit, value.toLocalDate().atStartOfDay()));
  }

  private static LocalDateTime truncate(String unit, LocalDateTime value) {
    return switch (unit.strip().toLowerCase(Locale.ROOT)) {
      case "second" -> value.truncatedTo(ChronoUnit.SECONDS);
      case "minute" -> value.truncatedTo(ChronoUnit.MINUTES);
      case "hour" -> value.truncatedTo(ChronoUnit.HOURS);
      case "day" -> value.truncatedTo(ChronoUnit.DAYS);
      case "week" -> value.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> value.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case "quarter" -> value.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth((value.getMonthValue() - 1) / 3 * 3 + 1);
      case "year" -> value.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
      default -> throw new IllegalArgumentException("DATE_TRUNC does not know the unit '" + unit + "': use one of "
          + String.join(", ", UNITS) + ".");
    };
  }
}
