package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.call.CallOptions;
import dev.statsigjdbc.adapter.dialect.DialectMode;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;

/** Reads the adapter's tuning and the session timeout from connection properties. */
final class DriverOptions {
  private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

  private DriverOptions() {}

  static StatsigOptions adapterOptions(Properties properties) {
    CallOptions defaults = CallOptions.defaults();
    CallOptions calls = new CallOptions(
        Duration.ofSeconds(number(properties, StatsigProperty.CACHE_TTL_SECONDS, 0)),
        (int) number(properties, StatsigProperty.MAX_CONCURRENCY, 1),
        (int) number(properties, StatsigProperty.REQUESTS_PER_10_SECONDS, 1),
        RATE_WINDOW,
        (int) number(properties, StatsigProperty.MAX_RETRIES, 0),
        Duration.ofMillis(number(properties, StatsigProperty.RETRY_BASE_DELAY_MILLIS, 0)),
        defaults.maxRetryDelay());
    return new StatsigOptions(calls,
        list(properties, StatsigProperty.BLOCK_TOOLS),
        new LinkedHashSet<>(list(properties, StatsigProperty.ALLOW_TOOLS)),
        DialectMode.parse(StatsigProperty.DIALECT.get(properties)),
        (int) number(properties, StatsigProperty.PAGE_SIZE, 1));
  }

  static Duration timeout(Properties properties) {
    return Duration.ofSeconds(number(properties, StatsigProperty.TIMEOUT_SECONDS, 1));
  }

  private static long number(Properties properties, StatsigProperty property, long minimum) {
    String value = property.get(properties);
    try {
      long n = Long.parseLong(value);
      if (n >= minimum) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException("Connection property " + property.key() + "='" + value
        + "' is not valid: give a whole number of at least " + minimum + " (default " + property.defaultValue() + ")");
  }

  private static List<String> list(Properties properties, StatsigProperty property) {
    String value = property.get(properties);
    return value == null ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
