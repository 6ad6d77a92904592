package dev.statsigjdbc.adapter.call;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tool answered with an error. Carries the upstream HTTP status when the text names one. */
public final class ToolCallException extends RuntimeException {

  private static final Pattern STATUS = Pattern.compile("API Error \\((\\d{3})\\)");
  private static final Pattern RETRY_AFTER =
      Pattern.compile("retry[-_ ]?after\"?\\s*[:=]\\s*\"?(\\d+)", Pattern.CASE_INSENSITIVE);

  private final int status;
  private final long retryAfterSeconds;

  private ToolCallException(String message, int status, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ToolCallException fromErrorText(String tool, String errorText) {
    String text = errorText == null ? "(no error text)" : errorText;
    Matcher status = STATUS.matcher(text);
    Matcher retryAfter = RETRY_AFTER.matcher(text);
    int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
    return new ToolCallException(
        "Statsig tool " + tool + " failed: " + text + advice(code),
        code,
        retryAfter.find() ? Long.parseLong(retryAfter.group(1)) : -1);
  }

  private static String advice(int status) {
    return switch (status) {
      case 401, 403 -> " Check that the connection's credentials may read this project.";
      case 404 -> " Check the id in the WHERE clause.";
      case 429 -> " Statsig's rate limit was hit; retry later or query fewer entities.";
      default -> "";
    };
  }

  /** HTTP status from the error text, 0 when unknown. */
  public int status() {
    return status;
  }

  /** Seconds the server asked to wait, or -1 when it did not say. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  boolean isRetryable() {
    return status == 429 || status >= 500;
  }
}
