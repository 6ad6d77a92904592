package dev.statsigjdbc.adapter.call;

/** The statement was cancelled or timed out while waiting for tool calls. */
public final class QueryAbortedException extends RuntimeException {

  public QueryAbortedException(String message) {
    super(message);
  }
}
