package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.Dataset;
import dev.statsigjdbc.emulator.data.EntityStore;
import java.util.List;
import java.util.function.Predicate;

/** What the route groups share: the data, the quirks, paging and the write helpers. */
record ApiContext(Dataset dataset, ApiQuirks quirks, Paginator paginator, Mutations mutations) {

  static ApiContext of(Dataset dataset, ApiQuirks quirks, PageLimits pageLimits) {
    return new ApiContext(dataset, quirks, new Paginator(quirks.nextPageStyle(), pageLimits), new Mutations(dataset));
  }

  /**
   * A page of a store's entities. Without a filter only the requested page is parsed, which keeps
   * paging through 10,000 experiments cheap.
   */
  ObjectNode listPage(Query q, String message, EntityStore store, Predicate<ObjectNode> filter, boolean filtered) {
    if (!filtered) {
      List<String> ids = store.ids();
      return paginator.page(q, message, ids.size(), i -> store.find(ids.get(i)).orElseThrow());
    }
    return paginator.page(q, message, store.all().stream().filter(filter).toList());
  }

  ObjectNode one(EntityStore store, String kind, String id) {
    return store.find(id).orElseThrow(() -> Envelopes.notFound(kind, id));
  }
}
