package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.adapter.StatsigOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link StatsigConnection#toolCalls()} counts what reached the server, as the emulator saw it. */
class ToolCallsTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();

  @Test
  void countsCallsAndPagesAsTheServerSawThemAndNotCacheHits() throws Exception {
    try (Connection connection = emulator.connect()) {
      StatsigConnection statsig = connection.unwrap(StatsigConnection.class);
      ToolCalls start = statsig.toolCalls();
      long served = emulator.server.stats().snapshot().total();

      int rows = StatsigEmulator.rows(connection, "SELECT id FROM audit_logs").size();
      ToolCalls scan = statsig.toolCalls().since(start);

      long auditPages = emulator.server.stats().snapshot().total() - served;
      assertThat(rows).isGreaterThan(100);
      assertThat(scan.calls()).isEqualTo(auditPages);
      int pageSize = StatsigOptions.DEFAULT_PAGE_SIZE;
      assertThat(scan.pages()).isEqualTo(auditPages).isEqualTo((rows + pageSize - 1) / pageSize);

      ToolCalls beforeGet = statsig.toolCalls();
      StatsigEmulator.rows(connection, "SELECT id FROM experiments WHERE id = 'checkout_v2'");
      assertThat(statsig.toolCalls().since(beforeGet)).isEqualTo(new ToolCalls(1, 0));

      ToolCalls beforeCached = statsig.toolCalls();
      StatsigEmulator.rows(connection, "SELECT id FROM audit_logs");
      assertThat(statsig.toolCalls().since(beforeCached)).as("served from the cache").isEqualTo(new ToolCalls(0, 0));
    }
  }

  @Test
  void connectionsCountSeparately() throws Exception {
    Properties noCache = new Properties();
    noCache.setProperty("cacheTtlSeconds", "0");
    try (Connection a = emulator.connect(); Connection b = DriverManager.getConnection(emulator.url(), noCache)) {
      StatsigEmulator.rows(a, "SELECT id FROM gates WHERE id = 'new_onboarding'");

      assertThat(a.unwrap(StatsigConnection.class).toolCalls().calls()).isEqualTo(1);
      assertThat(b.unwrap(StatsigConnection.class).toolCalls()).isEqualTo(new ToolCalls(0, 0));
    }
  }
}
