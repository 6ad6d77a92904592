package dev.statsigjdbc.adapter.call;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tool answered with an error. Carries the upstream HTTP status, as the server's dialect read
 * it from the answer (0 when unknown).
 */
public final class ToolCallException extends RuntimeException {

  private static final Pattern RETRY_AFTER =
      Pattern.compile("retry[-_ ]?after\"?\\s*[:=]\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);

  private final int status;
  private final long retryAfterSeconds;
  private final boolean transientFailure;

  private ToolCallException(String message, int status, long retryAfterSeconds, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.transientFailure = transientFailure;
  }

  /**
   * The call did not get an answer the tool meant: HTTP 429 or 5xx from the server, a connection
   * that broke mid-response, or a result that is not JSON. Sending the same read again may succeed.
   *
   * @param status the HTTP status, 0 when there was none
   */
  public static ToolCallException transientFailure(String tool, int status, String message, Throwable cause) {
    return new ToolCallException("Statsig tool " + tool + " failed: " + message, status, -1, true, cause);
  }

  /**
   * The tool answered with an error.
   *
   * @param status the HTTP status the dialect found in the answer, 0 when none
   */
  public static ToolCallException answered(String tool, String errorText, int code) {
    String text = errorText == null || errorText.isBlank() ? "(no error text)" : errorText;
    Matcher retryAfter = RETRY_AFTER.matcher(text);
    return new ToolCallException(
        "Statsig tool " + tool + " failed: " + text + advice(code),
        code,
        retryAfter.find() ? Long.parseLong(retryAfter.group(1)) : -1,
        false,
        null);
  }

  private static String advice(int status) {
    return switch (status) {
      case 401, 403 -> " Check that the connection's credentials may read this project.";
      case 404 -> " Check the id in the WHERE clause.";
      case 429 -> " Statsig's rate limit was hit; retry later or query fewer entities.";
      default -> "";
    };
  }

  /** HTTP status of the answer, 0 when unknown. */
  public int status() {
    return status;
  }

  /** Seconds the server asked to wait, or -1 when it did not say. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  boolean isRetryable() {
    return transientFailure || status == 429 || status >= 500;
  }
}
