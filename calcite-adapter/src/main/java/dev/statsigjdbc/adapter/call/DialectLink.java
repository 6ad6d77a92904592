package dev.statsigjdbc.adapter.call;

import dev.statsigjdbc.adapter.dialect.Dialect;
import dev.statsigjdbc.adapter.dialect.Wire;
import dev.statsigjdbc.adapter.source.ToolResult;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where operations become tool calls: the server's dialect encodes each operation as one or
 * more tool calls (sent on down the chain), classifies errors and reads the page. A tool call
 * from above (the table function) passes through; its error is classified by the dialect.
 */
final class DialectLink implements CallLink {

  private final Dialect dialect;
  private final LongAdder pages = new LongAdder();

  DialectLink(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Pages of paged operations that went on to the server (cached pages do not count). */
  long pages() {
    return pages.sum();
  }

  @Override
  @SuppressWarnings("unchecked") // an operation call answers a Page, a tool call a ToolResult
  public <R> R intercept(CallRequest<R> request, CallContext context, CallChain next) {
    if (request instanceof OperationCall operation) {
      if (operation.page() != null) {
        pages.increment();
      }
      Wire wire = (tool, arguments) -> next.proceed(new ToolCall(tool, arguments), context);
      return (R) dialect.read(operation, wire);
    }
    ToolCall call = (ToolCall) request;
    ToolResult result = next.proceed(call, context);
    if (result.isError()) {
      throw dialect.error(call.tool(), result);
    }
    return (R) result;
  }
}
