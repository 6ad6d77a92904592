package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Calls a tool and binds each record of its result.
 *
 * @param tools the tool's name and its alternates (names drift); the first exposed one is used
 * @param as the name each record is bound to
 * @param args {@code params} entries; a string {@code "$key.col"} takes a key value,
 *     {@code "$name.path"} a bound value, {@code "$batch"} the joined batch of {@link #batch} ids
 * @param records where the records are in the body, first present path wins
 * @param paged whether to page with {@code query_page}/{@code query_limit}
 * @param pushdown key columns the tool filters on exactly, mapped to their argument name
 * @param batch a key column whose values are sent together, comma-separated
 * @param batchSize how many values per call
 */
public record CallSpec(
    List<String> tools,
    String as,
    Map<String, JsonNode> args,
    List<String> records,
    boolean paged,
    Map<String, String> pushdown,
    String batch,
    Integer batchSize) {

  public CallSpec {
    tools = List.copyOf(tools);
    args = args == null ? Map.of() : Map.copyOf(args);
    records = records == null ? List.of("data") : List.copyOf(records);
    pushdown = pushdown == null ? Map.of() : Map.copyOf(pushdown);
  }
}
