package dev.statsigjdbc.adapter.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where tools come from: an MCP session in production, fixtures in tests. The adapter knows
 * nothing about transports; everything it calls goes through this interface.
 */
public interface ToolSource {

  /** Every tool the server publishes, read-only or not: the adapter decides what to expose. */
  List<ToolDescriptor> tools();

  /** Calls one tool; upstream failures come back as a result with {@code isError} set. */
  ToolResult call(String name, JsonNode arguments);
}
