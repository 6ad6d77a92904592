package dev.statsigjdbc.adapter.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.catalog.JsonPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one answer and what it said about further pages. Both Statsig dialects carry
 * the Console API body ({@code data}, {@code pagination}); a dialect reads it with {@link #of}.
 *
 * @param itemsPerPage the page size the server used, 0 when it did not say
 * @param totalItems how many records all pages hold, -1 when it did not say
 * @param nextPageGiven whether the answer names a next page
 */
public record Page(List<JsonNode> records, int itemsPerPage, long totalItems, boolean nextPageGiven) {

  public Page {
    records = List.copyOf(records);
  }

  /**
   * Reads a Console API body. A body without any of the record paths is not an empty list (that
   * is {@code "data": []} or null) but a result cut short or reshaped: taking it as "no rows"
   * would truncate silently, so it is a failure worth a retry.
   */
  public static Page of(String label, JsonNode body, List<String> recordPaths) {
    if (!JsonPaths.anyPresent(body, recordPaths)) {
      throw ToolCallException.transientFailure(label, 0, "the result has no records (expected at "
          + String.join(" or ", recordPaths) + "); try again, and report it to the server's operator if it persists", null);
    }
    JsonNode found = JsonPaths.first(body, recordPaths);
    List<JsonNode> records = new ArrayList<>();
    if (found.isArray()) {
      found.forEach(records::add);
    } else if (found.isObject()) {
      records.add(found);
    }
    JsonNode pagination = body.path("pagination");
    JsonNode perPage = pagination.path("itemsPerPage");
    JsonNode total = pagination.path("totalItems");
    JsonNode next = pagination.path("nextPage");
    return new Page(records,
        perPage.isNumber() && perPage.asInt() > 0 ? perPage.asInt() : 0,
        total.isNumber() ? total.asLong() : -1,
        !(next.isMissingNode() || next.isNull() || next.asText().isBlank()));
  }
}
