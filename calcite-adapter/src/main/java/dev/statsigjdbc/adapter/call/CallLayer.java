package dev.statsigjdbc.adapter.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.dialect.Dialect;
import dev.statsigjdbc.adapter.dialect.Page;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.adapter.source.ToolSource;
import java.util.List;

/**
 * Every call of the adapter goes down one chain, each link with one job:
 * cache -> single flight -> retry -> dialect -> rate limit -> transport (the guarded source).
 * The rate limit sits below the dialect so that it counts every call that reaches the server,
 * retries and a dialect's discovery calls included; the guard, at the bottom, sees each of them.
 */
public final class CallLayer {

  private final CallOptions options;
  private final DialectLink dialectLink;
  private final CallChain chain;

  /** @param guarded the guarded source: it refuses every tool the read-only policy did not expose */
  public CallLayer(ToolSource guarded, Dialect dialect, CallOptions options) {
    this.options = options;
    this.dialectLink = new DialectLink(dialect);
    this.chain = new CallChain(List.of(
        new CacheLink(options.cacheTtl()),
        new SingleFlightLink(),
        new RetryLink(options),
        dialectLink,
        new RateLimitLink(options),
        new TransportLink(guarded)));
  }

  /** How many calls may be in flight at once (callers size their fan-out by it). */
  public int maxConcurrentCalls() {
    return options.maxConcurrentCalls();
  }

  /** Pages of paged operations fetched from the server so far. */
  public long pagesFetched() {
    return dialectLink.pages();
  }

  /** Reads one operation (one page of it when paged). */
  public Page read(OperationCall call, CallContext context) {
    return chain.proceed(call, context);
  }

  /** Calls one tool as it is; an error answer is thrown as a {@link ToolCallException}. */
  public ToolResult call(String tool, JsonNode arguments, CallContext context) {
    return chain.proceed(new ToolCall(tool, arguments), context);
  }
}
