package dev.statsigjdbc.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.data.AuditLog;
import dev.statsigjdbc.emulator.data.Calendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * One audit log request over a log of up to a million generated entries: date bounds become an
 * index range by binary search (times decrease with the index), the other filters read only the
 * cheap fields of each entry, and only the requested page is built.
 */
final class AuditLogQuery {
  private static final Set<String> TIME_KEYS = Set.of("date", "time");

  private final AuditLog log;
  private final Query q;

  AuditLogQuery(AuditLog log, Query q) {
    this.log = log;
    this.q = q;
  }

  ObjectNode page(Paginator paginator) {
    String sortKey = q.string("sortKey").orElse("time");
    if (!TIME_KEYS.contains(sortKey)) {
      throw new ApiException(400, "The emulator sorts audit logs by time only (sortKey=date or time), got sortKey='"
          + sortKey + "'.");
    }
    String order = q.string("sortOrder").orElse("desc");
    if (!order.equals("asc") && !order.equals("desc")) {
      throw new ApiException(400, "Query parameter 'sortOrder' must be asc or desc, got '" + order + "'.");
    }
    if (q.string("latestID").isPresent()) {
      throw new ApiException(400, "The emulator does not support 'latestID'; page by number instead.");
    }
    int from = q.date("endDate").map(d -> firstOlderThan(Calendar.startOf(d.plusDays(1)))).orElse(0);
    int to = q.date("startDate").map(d -> firstOlderThan(Calendar.startOf(d))).orElse(log.size());
    IntUnaryOperator position = matching(from, Math.max(from, to));
    int total = position.applyAsInt(-1);
    boolean ascending = order.equals("asc");
    return paginator.page(q, "Audit logs listed successfully.", total,
        i -> log.get(position.applyAsInt(ascending ? total - 1 - i : i)));
  }

  /** First index whose time is before {@code bound} (entries are newest first). */
  private int firstOlderThan(long bound) {
    int lo = 0;
    int hi = log.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (log.time(mid) < bound) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Maps the n-th match to its log index; asked for -1 it answers the number of matches. Without
   * entity or action filters that is plain arithmetic, so no index array is built.
   */
  private IntUnaryOperator matching(int from, int to) {
    Optional<String> id = q.string("id");
    List<String> actions = new ArrayList<>(q.strings("actionType"));
    actions.addAll(q.strings("actionTypes"));
    boolean tagged = !q.strings("tags").isEmpty(); // generated entries carry no tags
    if (tagged) {
      return i -> 0;
    }
    if (id.isEmpty() && actions.isEmpty()) {
      return i -> i < 0 ? to - from : from + i;
    }
    IntStream range = IntStream.range(from, to);
    if (id.isPresent()) {
      range = range.filter(i -> log.name(i).equals(id.get()));
    }
    if (!actions.isEmpty()) {
      range = range.filter(i -> actions.contains(log.actionType(i)));
    }
    int[] indexes = range.toArray();
    return i -> i < 0 ? indexes.length : indexes[i];
  }
}
