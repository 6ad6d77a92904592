package dev.statsigjdbc.driver.jdbc;

import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.call.CallOptions;
import dev.statsigjdbc.adapter.dialect.DialectMode;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Properties;

/** Reads the adapter's tuning and the session timeout from connection properties. */
final class DriverOptions {
  private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

  private DriverOptions() {}

  static StatsigOptions adapterOptions(Properties properties) {
    CallOptions defaults = CallOptions.defaults();
    CallOptions calls = new CallOptions(
        Duration.ofSeconds(StatsigProperty.CACHE_TTL_SECONDS.number(properties, 0)),
        (int) StatsigProperty.MAX_CONCURRENCY.number(properties, 1),
        (int) StatsigProperty.REQUESTS_PER_10_SECONDS.number(properties, 1),
        RATE_WINDOW,
        (int) StatsigProperty.MAX_RETRIES.number(properties, 0),
        Duration.ofMillis(StatsigProperty.RETRY_BASE_DELAY_MILLIS.number(properties, 0)),
        defaults.maxRetryDelay());
    return new StatsigOptions(calls,
        StatsigProperty.BLOCK_TOOLS.list(properties),
        new LinkedHashSet<>(StatsigProperty.ALLOW_TOOLS.list(properties)),
        DialectMode.parse(StatsigProperty.DIALECT.get(properties)),
        (int) StatsigProperty.PAGE_SIZE.number(properties, 1));
  }

  static Duration timeout(Properties properties) {
    return Duration.ofSeconds(StatsigProperty.TIMEOUT_SECONDS.number(properties, 1));
  }
}
