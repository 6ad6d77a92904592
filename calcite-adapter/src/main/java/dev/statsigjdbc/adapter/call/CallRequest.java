package dev.statsigjdbc.adapter.call;

/**
 * What travels down the call chain: an {@link OperationCall} (a curated table reading a Console
 * API operation; the dialect turns it into tool calls) or a {@link ToolCall} (one tool, as the
 * table function and the dialects send it).
 *
 * @param <R> what the chain answers: a {@link dev.statsigjdbc.adapter.dialect.Page} or a
 *     {@link dev.statsigjdbc.adapter.source.ToolResult}
 */
public sealed interface CallRequest<R> permits OperationCall, ToolCall {

  /** Names the request in messages (the operation or the tool). */
  String label();
}
