package dev.statsigjdbc.adapter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Calls a Console API operation and binds each record of its result.
 *
 * @param operation the operation's key in the catalog ({@code "GET /console/v1/experiments/{id}"})
 * @param as the name each record is bound to
 * @param args path and query arguments by their API names; a string {@code "$key.col"} takes a
 *     key value, {@code "$name.path"} a bound value, {@code "$batch"} the joined batch of
 *     {@link #batch} ids
 * @param records where the records are in the body, first present path wins
 * @param paged whether the operation is a paged list (read page by page)
 * @param pushdown key columns the operation filters on exactly, mapped to their query argument
 * @param batch a key column whose values are sent together, comma-separated
 * @param batchSize how many values per call
 */
public record CallSpec(
    String operation,
    String as,
    Map<String, JsonNode> args,
    List<String> records,
    boolean paged,
    Map<String, String> pushdown,
    String batch,
    Integer batchSize) {

  public CallSpec {
    args = args == null ? Map.of() : Map.copyOf(args);
    records = records == null ? List.of("data") : List.copyOf(records);
    pushdown = pushdown == null ? Map.of() : Map.copyOf(pushdown);
  }
}
