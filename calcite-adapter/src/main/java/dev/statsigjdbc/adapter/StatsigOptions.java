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
 */
public record StatsigOptions(CallOptions calls, List<String> extraBlockPatterns, Set<String> allowList, DialectMode dialect) {

  public StatsigOptions {
    extraBlockPatterns = List.copyOf(extraBlockPatterns);
    allowList = Set.copyOf(allowList);
  }

  public static StatsigOptions defaults() {
    return new StatsigOptions(CallOptions.defaults(), List.of(), Set.of(), DialectMode.AUTO);
  }

  public StatsigOptions withCacheTtl(Duration ttl) {
    return new StatsigOptions(calls.withCacheTtl(ttl), extraBlockPatterns, allowList, dialect);
  }

  public StatsigOptions withCalls(CallOptions newCalls) {
    return new StatsigOptions(newCalls, extraBlockPatterns, allowList, dialect);
  }

  public StatsigOptions withExtraBlockPatterns(List<String> patterns) {
    return new StatsigOptions(calls, patterns, allowList, dialect);
  }

  public StatsigOptions withAllowList(Set<String> names) {
    return new StatsigOptions(calls, extraBlockPatterns, names, dialect);
  }

  public StatsigOptions withDialect(DialectMode mode) {
    return new StatsigOptions(calls, extraBlockPatterns, allowList, mode);
  }
}
