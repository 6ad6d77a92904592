package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Json;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Console API paging: {@code page} is 1-based, defaults page=1 and limit=100; the response carries
 * {@code pagination: {itemsPerPage, pageNumber, totalItems, nextPage, previousPage, all}} with
 * {@code nextPage} written in the configured style and null on the last page. A {@code limit}
 * above the configured largest page is capped or refused ({@link PageLimits}); a capped page is
 * numbered at the size served.
 */
final class Paginator {
  static final int DEFAULT_LIMIT = 100;
  private static final String HOST = "statsigapi.net";

  private final ApiQuirks.NextPageStyle style;
  private final PageLimits limits;

  Paginator(ApiQuirks.NextPageStyle style, PageLimits limits) {
    this.style = style;
    this.limits = limits;
  }

  /** One requested page: 0-based offset into the full list. */
  record PageRequest(int page, int limit) {
    long offset() {
      return (long) (page - 1) * limit;
    }
  }

  private PageRequest request(Query q) {
    return new PageRequest(q.positiveInt("page", 1, Integer.MAX_VALUE),
        limits.served(q.positiveInt("limit", DEFAULT_LIMIT, limits.largestAccepted())));
  }

  /** A page of a list held in memory. */
  ObjectNode page(Query q, String message, List<? extends JsonNode> items) {
    return page(q, message, items.size(), items::get);
  }

  /** A page of a list of {@code total} items produced one at a time by {@code item}. */
  ObjectNode page(Query q, String message, int total, IntFunction<? extends JsonNode> item) {
    PageRequest p = request(q);
    ArrayNode data = Json.array();
    for (long i = p.offset(); i < Math.min(total, p.offset() + p.limit()); i++) {
      data.add(item.apply((int) i));
    }
    ObjectNode body = Envelopes.message(message);
    body.set("data", data);
    body.set("pagination", pagination(q.concretePath(), p, total));
    return body;
  }

  private ObjectNode pagination(String path, PageRequest p, int total) {
    ObjectNode out = Json.object();
    out.put("itemsPerPage", p.limit());
    out.put("pageNumber", p.page());
    out.put("totalItems", total);
    boolean more = p.offset() + p.limit() < total;
    out.put("nextPage", more ? nextPage(path, p) : null);
    out.put("previousPage", p.page() > 1 ? link(path, p.page() - 1, p.limit()) : null);
    out.put("all", path);
    return out;
  }

  private String nextPage(String path, PageRequest p) {
    return switch (style) {
      case RELATIVE_PATH -> link(path, p.page() + 1, p.limit());
      case HOST_WITHOUT_SCHEME -> HOST + link(path, p.page() + 1, p.limit());
      case ALWAYS_NULL -> null;
    };
  }

  private static String link(String path, int page, int limit) {
    return path + "?page=" + page + "&limit=" + limit;
  }
}
