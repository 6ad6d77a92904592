package dev.statsigjdbc.adapter.call;

import dev.statsigjdbc.adapter.source.ToolSource;

/** The end of the chain: sends a tool call to the source (the guarded one: it refuses what is not exposed). */
final class TransportLink implements CallLink {

  private final ToolSource source;

  TransportLink(ToolSource source) {
    this.source = source;
  }

  @Override
  @SuppressWarnings("unchecked") // only tool calls get here: the dialect link turns operations into tool calls
  public <R> R intercept(CallRequest<R> request, CallContext context, CallChain next) {
    if (!(request instanceof ToolCall call)) {
      throw new IllegalStateException("Only tool calls reach the transport, not " + request.label());
    }
    return (R) source.call(call.tool(), call.arguments());
  }
}
