package dev.statsigjdbc.driver.jdbc;

import java.sql.SQLWarning;
import java.util.Optional;
import java.util.Set;

/**
 * Why a query may have come back empty, naming the likeliest real cause: a filter value that
 * matches nothing (an id that does not exist, a tag no entity carries), days without metric
 * data, or, for an unfiltered list, a connection scoped to another project.
 */
final class EmptyResultAdvice {
  /** Tables with a day column (ds) whose values Statsig computes once a day. */
  private static final Set<String> DAILY_TABLES = Set.of("metric_values", "experiment_exposures", "gate_results");

  private EmptyResultAdvice() {}

  static Optional<SQLWarning> forEmptyResult(SqlInspection sql) {
    String filters = String.join(" AND ", sql.equalities());
    if (sql.names().stream().anyMatch(DAILY_TABLES::contains)) {
      return warning("Metric values look empty: Statsig has no values for these metrics, days or"
          + " groups yet, or the time window starts before the experiment did. Widen the time range (ds) or"
          + " wait for exposures to arrive." + (filters.isEmpty() ? "" : " Check the ids too: " + filters + "."));
    }
    if (!filters.isEmpty()) {
      return warning("No row matched the filter " + filters
          + ": nothing has that value (ids, names and tags are case-sensitive; an id that does not exist is no row).");
    }
    if (sql.names().contains("experiments")) {
      return warning("No experiments returned: the connected user may be scoped to a different"
          + " Statsig project than expected, or the filters exclude every experiment. Confirm the project of the"
          + " API key or signed-in user and reconnect.");
    }
    return Optional.empty();
  }

  private static Optional<SQLWarning> warning(String message) {
    return Optional.of(new SQLWarning(message, SqlState.NO_DATA.code()));
  }
}
