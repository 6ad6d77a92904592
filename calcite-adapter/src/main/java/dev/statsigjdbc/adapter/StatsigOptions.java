package dev.statsigjdbc.adapter;

import dev.statsigjdbc.adapter.call.CallOptions;
import dev.statsigjdbc.adapter.dialect.DialectMode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a connection can tune in the adapter.
 *
 * @param calls cache TTL, limits and retries of tool calls
 * @param extraBlockPatterns regular expressions; a tool whose name matches one is blocked
 * @param allowList tool names the user vouches for as read-only (never overrides destructiveHint)
 * @param dialect which MCP server version the tools speak, or auto
 * @param pageSize records a scan asks for per list page (a server may serve fewer, or refuse
 *     more than its default: scans follow it)
 */
public record StatsigOptions(CallOptions calls, List<String> extraBlockPatterns, Set<String> allowList, DialectMode dialect,
    int pageSize) {

  /** Large pages cut the calls of a scan tenfold against Statsig's default of 100, under its rate limit. */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  public StatsigOptions {
    extraBlockPatterns = List.copyOf(extraBlockPatterns);
    allowList = Set.copyOf(allowList);
    if (pageSize < 1) {
      throw new IllegalArgumentException("a page holds at least 1 record, got " + pageSize);
    }
  }

  public static StatsigOptions defaults() {
    return new StatsigOptions(CallOptions.defaults(), List.of(), Set.of(), DialectMode.AUTO, DEFAULT_PAGE_SIZE);
  }

  public StatsigOptions withCacheTtl(Duration ttl) {
    return new StatsigOptions(calls.withCacheTtl(ttl), extraBlockPatterns, allowList, dialect, pageSize);
  }

  public StatsigOptions withCalls(CallOptions newCalls) {
    return new StatsigOptions(newCalls, extraBlockPatterns, allowList, dialect, pageSize);
  }

  public StatsigOptions withExtraBlockPatterns(List<String> patterns) {
    return new StatsigOptions(calls, patterns, allowList, dialect, pageSize);
  }

  public StatsigOptions withAllowList(Set<String> names) {
    return new StatsigOptions(calls, extraBlockPatterns, names, dialect, pageSize);
  }

  public StatsigOptions withDialect(DialectMode mode) {
    return new StatsigOptions(calls, extraBlockPatterns, allowList, mode, pageSize);
  }

  public StatsigOptions withPageSize(int size) {
    return new StatsigOptions(calls, extraBlockPatterns, allowList, dialect, size);
  }
}
