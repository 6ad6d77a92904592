package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code TABLE(statsig.tool(...))} over HTTP on tools that are not Console API reads (V3's
 * {@code search} and {@code fetch}): structured content becomes rows, plain text becomes a
 * {@code text} row, and a rejected call shows the tool's input schema.
 */
class ToolFunctionAnyServerTest {

  @Test
  void structuredContentAndPlainTextBecomeRowsAndARejectedCallShowsTheSchema() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().port(0).today(StatsigEmulator.TODAY)
            .apiKey(StatsigEmulator.API_KEY, true).v3StructuredContent(true));
        Connection connection = DriverManager.getConnection(
            StatsigDriver.PREFIX + "url=" + server.v3McpUrl() + ";apiKey=" + StatsigEmulator.API_KEY)) {
      List<Map<String, Object>> found = StatsigEmulator.rows(connection,
          "SELECT id, title FROM TABLE(statsig.tool('search', '{\"query\":\"checkout\"}'))");
      assertThat(found).isNotEmpty().allSatisfy(row -> assertThat((String) row.get("id")).contains(":"));

      String id = (String) found.get(0).get("id");
      List<Map<String, Object>> fetched = StatsigEmulator.rows(connection,
          "SELECT type, text FROM TABLE(statsig.tool('fetch', '{\"id\":\"" + id + "\"}'))");
      assertThat(fetched).singleElement().satisfies(row -> {
        assertThat(row.get("type")).isEqualTo("text");
        assertThat((String) row.get("text")).contains(id);
      });

      assertThatThrownBy(() -> StatsigEmulator.rows(connection, "SELECT * FROM TABLE(statsig.tool('search', '{}'))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("search needs a query")
          .hasMessageContaining("The tool's input schema: {");
    }
  }
}
