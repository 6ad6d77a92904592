package dev.statsigjdbc.driver.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plans of queries run through plain statements, kept per connection and keyed by the exact
 * SQL text: Calcite plans and compiles a query in about 10 ms, while executing a prepared one
 * again takes well under one, and dashboards and BI tools send the same SQL over and over. Each
 * plan is an idle Calcite {@link PreparedStatement}, lent to one statement at a time; the data
 * still comes through the tool-call cache, so a kept plan never serves stale rows.
 */
final class PreparedPlans implements AutoCloseable {
  /** Idle plans kept at most; the least recently used one is closed first. */
  static final int CAPACITY = 64;

  private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  /** An idle plan of {@code sql}, now lent to the caller, or null when there is none. */
  synchronized PreparedStatement take(String sql) {
    return idle.remove(sql);
  }

  /** Takes back a plan lent out; it is closed instead when an idle one of the same SQL exists or the connection closed. */
  void give(String sql, PreparedStatement plan) throws SQLException {
    List<PreparedStatement> surplus = new ArrayList<>();
    synchronized (this) {
      if (closed || idle.containsKey(sql)) {
        surplus.add(plan);
      } else {
        idle.put(sql, plan);
        Iterator<PreparedStatement> oldest = idle.values().iterator();
        while (idle.size() > CAPACITY) {
          surplus.add(oldest.next());
          oldest.remove();
        }
      }
    }
    closeAll(surplus);
  }

  /** How many plans are idle (for tests). */
  synchronized int idleCount() {
    return idle.size();
  }

  @Override
  public void close() throws SQLException {
    List<PreparedStatement> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(idle.values());
      idle.clear();
    }
    closeAll(all);
  }

  private static void closeAll(List<PreparedStatement> plans) throws SQLException {
    SQLException first = null;
    for (PreparedStatement plan : plans) {
      try {
        plan.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
