package dev.statsigjdbc.driver.jdbc;

import java.sql.SQLDataException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteException;

/**
 * A text value Calcite's generated code could not convert to the type it is compared with or
 * cast to ({@code duration = 'abc'}, {@code ds = '11/01/2026'}). The target type is read from
 * the conversion routine that threw (the outermost one on the stack: a TIMESTAMP parse calls the
 * DATE parse), not from the message, whose wording differs per routine and may name the wrong type.
 */
final class ConversionFailure {
  /** Conversion routines by class and method, and the SQL type each converts to. */
  private static final Map<String, String> TARGETS = Map.ofEntries(
      Map.entry("org.apache.calcite.avatica.util.DateTimeUtils.timestampStringToUnixDate", "TIMESTAMP"),
      Map.entry("org.apache.calcite.avatica.util.DateTimeUtils.dateStringToUnixDate", "DATE"),
      Map.entry("org.apache.calcite.avatica.util.DateTimeUtils.timeStringToUnixDate", "TIME"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toBoolean", "BOOLEAN"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toDouble", "DOUBLE"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toFloat", "REAL"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toLong", "BIGINT"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toInt", "INTEGER"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toShort", "SMALLINT"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toByte", "TINYINT"),
      Map.entry("org.apache.calcite.runtime.SqlFunctions.toBigDecimal", "DECIMAL"),
      Map.entry("java.lang.Double.parseDouble", "DOUBLE"),
      Map.entry("java.lang.Float.parseFloat", "REAL"),
      Map.entry("java.lang.Long.parseLong", "BIGINT"),
      Map.entry("java.lang.Integer.parseInt", "INTEGER"),
      Map.entry("java.lang.Short.parseShort", "SMALLINT"),
      Map.entry("java.lang.Byte.parseByte", "TINYINT"),
      Map.entry("java.math.BigDecimal.<init>", "DECIMAL"));
  private static final Map<String, String> HOW_TO_WRITE = Map.of(
      "TIMESTAMP", "TIMESTAMP 'YYYY-MM-DD HH:MM:SS' (relative times: CURRENT_TIMESTAMP - INTERVAL '1' DAY)",
      "DATE", "DATE 'YYYY-MM-DD' (relative dates: CURRENT_DATE - INTERVAL '7' DAY)",
      "TIME", "TIME 'HH:MM:SS'",
      "BOOLEAN", "TRUE or FALSE");
  private static final Set<String> DATETIME_TYPES = Set.of("TIMESTAMP", "DATE", "TIME");
  /** The value as the failing routines quote it: {@code "abc"} or {@code 'abc'}, else after the last colon. */
  private static final List<Pattern> VALUE_IN_MESSAGE =
      List.of(Pattern.compile("\"([^\"]*)\""), Pattern.compile("'([^']*)'"), Pattern.compile(": (\\S.*)$"));

  private ConversionFailure() {}

  /** The data error for {@code failure}, when it is a conversion that failed. */
  static Optional<SQLDataException> of(Throwable failure, Throwable reported) {
    if (!(failure instanceof IllegalArgumentException) && !(failure instanceof CalciteException)) {
      return Optional.empty();
    }
    StackTraceElement[] frames = failure.getStackTrace();
    String type = null;
    for (StackTraceElement frame : frames) {
      String target = TARGETS.get(frame.getClassName() + "." + frame.getMethodName());
      if (target != null) {
        type = target;
      }
    }
    if (type == null) {
      return Optional.empty();
    }
    SqlState state = DATETIME_TYPES.contains(type)
        ? SqlState.INVALID_DATETIME_FORMAT : SqlState.INVALID_CHARACTER_VALUE_FOR_CAST;
    String value = valueIn(failure.getMessage());
    String how = HOW_TO_WRITE.getOrDefault(type, "a number without quotes");
    return Optional.of(new SQLDataException("Cannot convert " + (value == null ? "a text value" : "'" + value + "'")
        + " to " + type + ": write a " + type + " value as " + how + ".", state.code(), reported));
  }

  private static String valueIn(String message) {
    if (message == null) {
      return null;
    }
    for (Pattern pattern : VALUE_IN_MESSAGE) {
      Matcher value = pattern.matcher(message);
      if (value.find()) {
        return value.group(1);
      }
    }
    return null;
  }
}
