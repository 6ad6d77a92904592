package dev.statsigjdbc.adapter.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.dialect.Page;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One read of a Console API operation, in the API's own terms: its path and query arguments by
 * name, the page wanted (null for an operation that is not paged) and where the records are in
 * the body. Equal requests are the same read (the cache and single flight key on it).
 */
public record OperationCall(Operation operation, Map<String, JsonNode> arguments, PageRequest page, List<String> recordPaths)
    implements CallRequest<Page> {

  /** A page by number (1-based) and size. */
  public record PageRequest(int number, int size) {}

  public OperationCall {
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    arguments.forEach((name, value) -> sorted.put(name, value.deepCopy()));
    arguments = Collections.unmodifiableMap(sorted);
    recordPaths = List.copyOf(recordPaths);
  }

  @Override
  public String label() {
    return operation.key();
  }
}
