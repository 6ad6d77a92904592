package dev.statsigjdbc.adapter.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.adapter.call.CallLayer;
import dev.statsigjdbc.adapter.call.ToolCallException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * Records of one tool call, page by page: the next page is fetched only when the caller asks
 * past the current one. Pages are addressed by number ({@code query_page}, 1-based), never by
 * following {@code nextPage}, whose form varies (relative path, host without scheme, null).
 *
 * <p>Once the first page gave the total, later pages are read ahead on worker threads, at most
 * {@code maxConcurrentCalls} at once, never more pages ahead than have been fetched so far (a
 * LIMIT above a filter wastes at most as many calls as it used) and never past the last page.
 */
final class Pager implements Iterator<JsonNode> {

  static final int MAX_PAGE_SIZE = 100;

  private final CallLayer calls;
  private final String tool;
  private final ObjectNode arguments;
  private final List<String> recordPaths;
  private final int pageSize;
  private final boolean paged;
  private final boolean notFoundIsEmpty;
  private final QueryRun run;

  private Iterator<JsonNode> page = Collections.emptyIterator();
  private int pageNumber;
  private boolean lastPageSeen;
  /** The last page by the total the server gave, or 0 while unknown (then nothing is read ahead). */
  private long lastPage;
  /** Pages requested ahead, in order, starting at {@code pageNumber + 1}. */
  private final Deque<CompletableFuture<JsonNode>> ahead = new ArrayDeque<>();

  /**
   * @param arguments the full arguments ({@code {"params":{...}}}); page arguments are added here
   * @param notFoundIsEmpty a 404 means "no such entity": no records instead of an error
   */
  Pager(CallLayer calls, String tool, ObjectNode arguments, List<String> recordPaths, Integer pageSize,
      boolean notFoundIsEmpty, QueryRun run) {
    this.calls = calls;
    this.tool = tool;
    this.arguments = arguments;
    this.recordPaths = recordPaths;
    this.paged = pageSize != null;
    this.pageSize = paged ? pageSize : 0;
    this.notFoundIsEmpty = notFoundIsEmpty;
    this.run = run;
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext()) {
      if (lastPageSeen) {
        return false;
      }
      fetchNextPage();
    }
    return true;
  }

  @Override
  public JsonNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.next();
  }

  private void fetchNextPage() {
    pageNumber++;
    JsonNode body;
    try {
      body = ahead.isEmpty() ? call(pageNumber) : FanOutThreads.await(ahead.removeFirst());
    } catch (ToolCallException e) {
      if (notFoundIsEmpty && e.status() == 404) {
        lastPageSeen = true;
        return;
      }
      throw e;
    }
    List<JsonNode> records = records(body);
    page = records.iterator();
    lastPageSeen = !paged || isLastPage(body.path("pagination"), records.size());
    if (!lastPageSeen) {
      readAhead();
    }
  }

  private JsonNode call(int number) {
    ObjectNode args = arguments.deepCopy();
    if (paged) {
      ObjectNode params = args.with("params");
      params.put("query_page", number);
      params.put("query_limit", pageSize);
    }
    return calls.call(tool, args, run.callContext(), this::missingRecords);
  }

  private void readAhead() {
    int depth = Math.min(calls.maxConcurrentCalls(), pageNumber);
    long requested = pageNumber + ahead.size();
    while (lastPage > 0 && depth > 1 && ahead.size() < depth && requested < lastPage) {
      int number = (int) ++requested;
      ahead.addLast(FanOutThreads.submit(() -> call(number)));
    }
  }

  /**
   * A body without any of the record paths is not an empty list (that is {@code "data": []} or
   * null) but a result cut short or reshaped: taking it as "no rows" would truncate silently.
   */
  private String missingRecords(JsonNode body) {
    if (JsonPaths.anyPresent(body, recordPaths)) {
      return null;
    }
    return "the result has no records (expected at " + String.join(" or ", recordPaths)
        + "); try again, and report it to the server's operator if it persists";
  }

  private List<JsonNode> records(JsonNode body) {
    JsonNode found = JsonPaths.first(body, recordPaths);
    List<JsonNode> records = new ArrayList<>();
    if (found.isArray()) {
      found.forEach(records::add);
    } else if (found.isObject()) {
      records.add(found);
    }
    return records;
  }

  /**
   * A short page ends the list; otherwise the total, when given, decides (nextPage may be null
   * while pages remain); without a total, a null nextPage ends it.
   */
  private boolean isLastPage(JsonNode pagination, int recordCount) {
    JsonNode perPage = pagination.path("itemsPerPage");
    int size = perPage.isNumber() && perPage.asInt() > 0 ? Math.min(perPage.asInt(), pageSize) : pageSize;
    if (recordCount == 0 || recordCount < size) {
      return true;
    }
    JsonNode total = pagination.path("totalItems");
    if (total.isNumber()) {
      lastPage = size == pageSize ? (total.asLong() + size - 1) / size : 0;
      return (long) pageNumber * size >= total.asLong();
    }
    JsonNode next = pagination.path("nextPage");
    return next.isMissingNode() || next.isNull() || next.asText().isBlank();
  }
}
