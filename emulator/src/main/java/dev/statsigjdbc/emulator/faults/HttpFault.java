package dev.statsigjdbc.emulator.faults;

/** What the fault filter does to one MCP request instead of serving it. */
public sealed interface HttpFault {
  /** HTTP 429; {@code retryAfterSeconds} null sends no {@code Retry-After} header. */
  record TooManyRequests(Integer retryAfterSeconds) implements HttpFault {}

  /** An HTTP 5xx with a Console-API-style error body. */
  record ServerError(int status) implements HttpFault {}

  /** Headers and part of a body, then the connection closes. */
  record DropConnection() implements HttpFault {}
}
