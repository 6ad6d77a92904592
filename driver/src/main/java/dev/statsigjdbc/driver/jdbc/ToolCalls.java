package dev.statsigjdbc.driver.jdbc;

/**
 * Counts of tool calls that reached the MCP server.
 *
 * @param calls every call, including retries
 * @param pages the calls that fetched one page of a paged list tool
 */
public record ToolCalls(long calls, long pages) {

  /** What happened between {@code earlier} and this snapshot. */
  public ToolCalls since(ToolCalls earlier) {
    return new ToolCalls(calls - earlier.calls, pages - earlier.pages);
  }
}
