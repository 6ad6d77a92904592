package dev.statsigjdbc.driver.jdbc;

/**
 * Every SQLState the driver reports, named once (as pgjdbc's {@code PSQLState} does): tools act
 * on the class (the first two characters), people on the message.
 */
enum SqlState {
  /** A query came back empty; the warning says why it may be. */
  NO_DATA("02000"),
  UNABLE_TO_CONNECT("08001"),
  COMMUNICATION_LINK_FAILURE("08S01"),
  FEATURE_NOT_SUPPORTED("0A000"),
  NUMERIC_VALUE_OUT_OF_RANGE("22003"),
  INVALID_DATETIME_FORMAT("22007"),
  INVALID_CHARACTER_VALUE_FOR_CAST("22018"),
  /** A WHERE clause lacks, or has too many of, the key values a Statsig table's tools need. */
  INVALID_PARAMETER_VALUE("22023"),
  /** Arithmetic that has no result (division by zero, a decimal expansion without end). */
  DATA_EXCEPTION("22000"),
  READ_ONLY_SQL_TRANSACTION("25006"),
  INVALID_AUTHORIZATION("28000"),
  SYNTAX_ERROR("42000"),
  UNDEFINED_TABLE("42S02"),
  UNDEFINED_COLUMN("42S22"),
  /** A query too large or deep for the planner (a stack overflow while planning or compiling it). */
  STATEMENT_TOO_COMPLEX("54001"),
  GENERAL_ERROR("HY000"),
  OPERATION_CANCELLED("HY008"),
  TIMEOUT_EXPIRED("HYT00");

  private final String code;

  SqlState(String code) {
    this.code = code;
  }

  String code() {
    return code;
  }
}
