package dev.statsigjdbc.driver.jdbc;

import java.sql.SQLWarning;
import java.util.Optional;
import java.util.Set;

/**
 * Why a query may have come back empty, for the troubleshooting cases users hit most: a
 * connection scoped to another project, and metric data asked for before there is any.
 */
final class EmptyResultAdvice {

  private static final Set<String> METRIC_TABLES =
      Set.of("metric_values", "experiment_results", "experiment_exposures", "gate_results");

  private EmptyResultAdvice() {}

  static Optional<SQLWarning> forEmptyResult(SqlInspection sql) {
    if (sql.names().stream().anyMatch(METRIC_TABLES::contains)) {
      return Optional.of(new SQLWarning("Metric values look empty: Statsig has no values for these metrics, days or"
          + " groups yet, or the time window starts before the experiment did. Widen the time range (ds) or"
          + " wait for exposures to arrive.", SqlState.NO_DATA.code()));
    }
    if (sql.names().contains("experiments")) {
      return Optional.of(new SQLWarning("No experiments returned: the connected user may be scoped to a different"
          + " Statsig project than expected, or the filters exclude every experiment. Confirm the project of the"
          + " API key or signed-in user and reconnect.", SqlState.NO_DATA.code()));
    }
    return Optional.empty();
  }
}
