package dev.statsigjdbc.emulator.faults;

/**
 * The body of {@code POST /admin/faults}: each field present sets that fault, absent fields leave
 * theirs alone. Example: {@code {"tooManyRequests":{"count":2,"retryAfterSeconds":1},"latencyMillis":20}}.
 */
public record FaultCommand(
    Long latencyMillis,
    Burst tooManyRequests,
    Burst serverErrors,
    Rate serverErrorRate,
    Integer dropConnections,
    Boolean expireSessions,
    Boolean expireAccessTokens,
    Integer expireAccessTokensAfterCalls,
    Malformed malformedJson,
    MissingField missingField,
    Malformed invalidUtf8) {

  /** The next {@code count} requests; {@code status} for 5xx, {@code retryAfterSeconds} for 429 (optional). */
  public record Burst(int count, Integer status, Integer retryAfterSeconds) {}

  public record Rate(double probability, Integer status, Long seed) {}

  /** The next {@code count} results of {@code tool}: for malformed JSON, or for bytes that are not UTF-8. */
  public record Malformed(String tool, int count) {}

  public record MissingField(String tool, String field, int count) {}

  public void applyTo(Faults faults) {
    if (latencyMillis != null) {
      faults.latencyMillis(latencyMillis);
    }
    if (tooManyRequests != null) {
      faults.tooManyRequests(tooManyRequests.count(), tooManyRequests.retryAfterSeconds());
    }
    if (serverErrors != null) {
      faults.serverErrors(serverErrors.count(), serverErrors.status() == null ? 500 : serverErrors.status());
    }
    if (serverErrorRate != null) {
      faults.serverErrorRate(serverErrorRate.probability(),
          serverErrorRate.status() == null ? 500 : serverErrorRate.status(),
          serverErrorRate.seed() == null ? 0L : serverErrorRate.seed());
    }
    if (dropConnections != null) {
      faults.dropConnections(dropConnections);
    }
    if (Boolean.TRUE.equals(expireSessions)) {
      faults.expireSessions();
    }
    if (Boolean.TRUE.equals(expireAccessTokens)) {
      faults.expireAccessTokens();
    }
    if (expireAccessTokensAfterCalls != null) {
      faults.expireAccessTokensAfter(expireAccessTokensAfterCalls);
    }
    if (malformedJson != null) {
      if (malformedJson.tool() == null) {
        throw new IllegalArgumentException("malformedJson needs a tool name: {\"tool\":\"Get_List_of_Gates\",\"count\":1}");
      }
      faults.malformedJson(malformedJson.tool(), malformedJson.count());
    }
    if (missingField != null) {
      if (missingField.tool() == null || missingField.field() == null) {
        throw new IllegalArgumentException(
            "missingField needs a tool and a field: {\"tool\":\"Get_List_of_Gates\",\"field\":\"data\",\"count\":1}");
      }
      faults.missingField(missingField.tool(), missingField.field(), missingField.count());
    }
    if (invalidUtf8 != null) {
      if (invalidUtf8.tool() == null) {
        throw new IllegalArgumentException("invalidUtf8 needs a tool name: {\"tool\":\"Get_List_of_Gates\",\"count\":1}");
      }
      faults.invalidUtf8(invalidUtf8.tool(), invalidUtf8.count());
    }
  }
}
