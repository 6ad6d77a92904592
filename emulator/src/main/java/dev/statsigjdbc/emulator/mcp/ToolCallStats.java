package dev.statsigjdbc.emulator.mcp;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the tool calls the server served, so tests and benchmarks can see how many calls a query
 * caused. A call counts once it reached the tool handler, whatever its outcome.
 */
public final class ToolCallStats {
  private final Map<String, LongAdder> byTool = new ConcurrentHashMap<>();
  private final LongAdder writes = new LongAdder();

  /** What has been counted since the last reset. */
  public record Snapshot(long total, long writes, Map<String, Long> byTool) {
    public long calls(String tool) {
      return byTool.getOrDefault(tool, 0L);
    }
  }

  void record(String tool, boolean write) {
    byTool.computeIfAbsent(tool, t -> new LongAdder()).increment();
    if (write) {
      writes.increment();
    }
  }

  public Snapshot snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    byTool.forEach((tool, n) -> counts.put(tool, n.sum()));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new Snapshot(total, writes.sum(), Collections.unmodifiableMap(counts));
  }

  public void reset() {
    byTool.clear();
    writes.reset();
  }
}
