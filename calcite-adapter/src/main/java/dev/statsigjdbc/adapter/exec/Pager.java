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
 * <p>Pages are as large as the server gives: the first asks for the connection's page size; a
 * server that answers fewer records than asked while saying more exist has a cap, and the scan
 * goes on at that size (its pages are numbered at it); a server that refuses the size is asked
 * for the Console API's default instead, and the connection remembers ({@link PageSizes}).
 *
 * <p>Once the first page gave the total, later pages are read ahead on worker threads, at most
 * {@code maxConcurrentCalls} at once, never more pages ahead than have been fetched so far (a
 * LIMIT above a filter wastes at most as many calls as it used) and never past the last page.
 */
final class Pager implements Iterator<JsonNode> {

  private final CallLayer calls;
  private final Operation operation;
  private final Map<String, JsonNode> arguments;
  private final List<String> recordPaths;
  private final PageSizes pageSizes;
  private final boolean paged;
  /** Records per page asked for: the first page's size until the server showed a cap or refused it. */
  private int pageSize;
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
   * @param pageSize records of the first page, or null for an operation that is not paged
   * @param pageSizes the connection's page size, told when the server refuses a large one
   * @param notFoundIsEmpty a 404 means "no such entity": no records instead of an error
   */
  Pager(CallLayer calls, Operation operation, Map<String, JsonNode> arguments, List<String> recordPaths, Integer pageSize,
      PageSizes pageSizes, boolean notFoundIsEmpty, QueryRun run) {
    this.calls = calls;
    this.operation = operation;
    this.arguments = arguments;
    this.recordPaths = recordPaths;
    this.paged = pageSize != null;
    this.pageSize = paged ? pageSize : 0;
    this.pageSizes = pageSizes;
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
      body = ahead.isEmpty() ? fetch(pageNumber) : FanOutThreads.await(ahead.removeFirst());
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

  /** A page read by the reader itself; the first one falls back to the server's default size if the asked size is refused. */
  private Page fetch(int number) {
    try {
      return call(number);
    } catch (ToolCallException e) {
      if (number != 1 || e.status() != 400 || pageSize <= PageSizes.SERVER_DEFAULT) {
        throw e;
      }
      pageSize = PageSizes.SERVER_DEFAULT;
      Page first = call(number);
      pageSizes.largePagesRefused();
      return first;
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
      ahead.addLast(run.submit(() -> call(number)));
    }
  }

  /**
   * A short page ends the list, unless it is the first and the server says more records exist:
   * then it served as many as it will per page, and the scan goes on at that size. Otherwise the
   * total, when given, decides (nextPage may be null while pages remain); without a total, a null
   * nextPage ends it.
   */
  private boolean isLastPage(Page body) {
    int recordCount = body.records().size();
    if (pageNumber == 1 && recordCount > 0 && recordCount < pageSize
        && (body.totalItems() >= 0 ? body.totalItems() > recordCount : body.nextPageGiven())) {
      pageSize = recordCount;
    }
    int size = body.itemsPerPage() > 0 ? Math.min(body.itemsPerPage(), pageSize) : pageSize;
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
