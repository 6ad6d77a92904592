package dev.statsigjdbc.adapter.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.call.CallLayer;
import dev.statsigjdbc.adapter.call.OperationCall;
import dev.statsigjdbc.adapter.call.ToolCallException;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.dialect.Page;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/**
 * Records of one operation, page by page: the next page is fetched only when the caller asks
 * past the current one. Pages are addressed by number (1-based), never by following
 * {@code nextPage}, whose form varies (relative path, host without scheme, null). How a page
 * is asked for and read is the dialect's business; when to ask is decided here.
 *
 * <p>Once the first page gave the total, later pages are read ahead on worker threads, at most
 * {@code maxConcurrentCalls} at once, never more pages ahead than have been fetched so far (a
 * LIMIT above a filter wastes at most as many calls as it used) and never past the last page.
 */
final class Pager implements Iterator<JsonNode> {

  static final int MAX_PAGE_SIZE = 100;

  private final CallLayer calls;
  private final Operation operation;
  private final Map<String, JsonNode> arguments;
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
  private final Deque<CompletableFuture<Page>> ahead = new ArrayDeque<>();

  /**
   * @param arguments the operation's path and query arguments by API name
   * @param pageSize records per page, or null for an operation that is not paged
   * @param notFoundIsEmpty a 404 means "no such entity": no records instead of an error
   */
  Pager(CallLayer calls, Operation operation, Map<String, JsonNode> arguments, List<String> recordPaths, Integer pageSize,
      boolean notFoundIsEmpty, QueryRun run) {
    this.calls = calls;
    this.operation = operation;
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
    Page body;
    try {
      body = ahead.isEmpty() ? call(pageNumber) : FanOutThreads.await(ahead.removeFirst());
    } catch (ToolCallException e) {
      if (notFoundIsEmpty && e.status() == 404) {
        lastPageSeen = true;
        return;
      }
      throw e;
    }
    page = body.records().iterator();
    lastPageSeen = !paged || isLastPage(body);
    if (!lastPageSeen) {
      readAhead();
    }
  }

  private Page call(int number) {
    OperationCall.PageRequest request = paged ? new OperationCall.PageRequest(number, pageSize) : null;
    return calls.read(new OperationCall(operation, arguments, request, recordPaths), run.callContext());
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
   * A short page ends the list; otherwise the total, when given, decides (nextPage may be null
   * while pages remain); without a total, a null nextPage ends it.
   */
  private boolean isLastPage(Page body) {
    int size = body.itemsPerPage() > 0 ? Math.min(body.itemsPerPage(), pageSize) : pageSize;
    int recordCount = body.records().size();
    if (recordCount == 0 || recordCount < size) {
      return true;
    }
    if (body.totalItems() >= 0) {
      lastPage = size == pageSize ? (body.totalItems() + size - 1) / size : 0;
      return (long) pageNumber * size >= body.totalItems();
    }
    return !body.nextPageGiven();
  }
}
