package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.call.OperationCall;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.source.ToolResult;
import java.util.Map;

/**
 * How one MCP server version reaches Console API operations: which published tool (and action,
 * or discovered handle) reads an operation, how a call is encoded, how a page and an error are
 * read. Everything above a dialect speaks operations; nothing there knows a wire shape.
 */
public interface Dialect {

  /** The dialect's name, as the {@code dialect} connection property says it ({@code v1}, {@code v3}). */
  String name();

  /** Whether this server offers the operation as a read the guard exposes. */
  boolean binds(Operation operation);

  /** Reads an operation (a page of it): encodes, sends through the wire, reads the page or throws the error. */
  Page read(OperationCall call, Wire wire);

  /** The tool calls a read will make, for EXPLAIN; page numbers shown as {@code 1..}. */
  String describe(Operation operation, Map<String, JsonNode> arguments, Integer pageSize);

  /** An error answer of a tool, with the status this server's error shape carries. */
  ToolCallException error(String tool, ToolResult result);
}
