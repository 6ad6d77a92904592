package dev.statsigjdbc.emulator.mcp;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the tool calls the server served (V1 and V3), so tests and benchmarks can see how many
 * calls a query caused. A call counts once it reached the tool handler, whatever its outcome.
 * V3 calls that name an action (grouped reads, {@code discover_tools}) or an operation
 * ({@code api_*}) are also counted per {@code tool:action}.
 */
public final class ToolCallStats {
  private final Map<String, LongAdder> byTool = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byAction = new ConcurrentHashMap<>();
  private final LongAdder writes = new LongAdder();

  /** What has been counted since the last reset. */
  public record Snapshot(long total, long writes, Map<String, Long> byTool, Map<String, Long> byAction) {
    public long calls(String tool) {
      return byTool.getOrDefault(tool, 0L);
    }

    /** Calls of one action of a V3 tool, e.g. {@code calls("experiment_read", "list")}. */
    public long calls(String tool, String action) {
      return byAction.getOrDefault(actionKey(tool, action), 0L);
    }
  }

  /** Counts a call of {@code tool}. */
  public void record(String tool, boolean write) {
    byTool.computeIfAbsent(tool, t -> new LongAdder()).increment();
    if (write) {
      writes.increment();
    }
  }

  /** Counts a call of {@code tool} that named {@code action} (an action string or an operation id). */
  public void record(String tool, String action, boolean write) {
    record(tool, write);
    byAction.computeIfAbsent(actionKey(tool, action), k -> new LongAdder()).increment();
  }

  public Snapshot snapshot() {
    Map<String, Long> tools = new TreeMap<>();
    byTool.forEach((tool, n) -> tools.put(tool, n.sum()));
    Map<String, Long> actions = new TreeMap<>();
    byAction.forEach((key, n) -> actions.put(key, n.sum()));
    long total = tools.values().stream().mapToLong(Long::longValue).sum();
    return new Snapshot(total, writes.sum(), Collections.unmodifiableMap(tools), Collections.unmodifiableMap(actions));
  }

  public void reset() {
    byTool.clear();
    byAction.clear();
    writes.reset();
  }

  private static String actionKey(String tool, String action) {
    return tool + ":" + action;
  }
}
