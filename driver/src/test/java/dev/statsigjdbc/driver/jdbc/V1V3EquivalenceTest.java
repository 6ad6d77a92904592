package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorConfig.V3ActionNames;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same emulator over HTTP at {@code /v1/mcp} and {@code /v3/mcp}: every curated table and
 * every golden analyst query gives the same rows through both, whatever strings V3's actions use
 * and whether its answers are JSON text or structured content; V3 costs V1's calls plus the
 * discovery answers, each asked once per connection.
 */
class V1V3EquivalenceTest {
  private static final Path GOLDEN_QUERIES = Path.of("src", "test", "resources", "golden", "analyst-queries.sql");

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of(V3ActionNames.DEFAULT, false), Arguments.of(V3ActionNames.ALTERNATE, true),
        Arguments.of(V3ActionNames.SHUFFLED, false));
  }

  static List<String> queries() throws Exception {
    List<String> queries = new ArrayList<>();
    for (TableSpec table : TableCatalog.load().tables()) {
      queries.add(table.example());
      if (table.keys().stream().noneMatch(k -> k.required())) {
        queries.add("SELECT * FROM " + table.name());
      }
    }
    Arrays.stream(Files.readString(GOLDEN_QUERIES).split(";\\s*\\n")).map(String::strip).filter(q -> !q.isEmpty())
        .forEach(queries::add);
    return queries;
  }

  @ParameterizedTest(name = "action names {0}, structured content {1}")
  @MethodSource("servers")
  void everyTableAndGoldenQueryGivesTheSameRowsThroughV3AsThroughV1(V3ActionNames names, boolean structured) throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().port(0).today(StatsigEmulator.TODAY)
            .extraTools(true).apiKey(StatsigEmulator.API_KEY, true).v3ActionNames(names).v3StructuredContent(structured));
        Connection v1 = connect(server.mcpUrl(), "auto");
        Connection v3 = connect(server.v3McpUrl(), "auto")) {
      assertThat(explain(v1, "SELECT id FROM experiments WHERE status = 'active'")).contains("Get_List_of_Experiments{");
      assertThat(explain(v3, "SELECT id FROM experiments WHERE status = 'active'")).as("V3, found from tools/list")
          .contains("experiment_read{\"action\":\"", "\"arguments\":{\"params\":{\"query_status\":\"active\"");
      assertThat(explain(v3, "SELECT id FROM layers")).contains("discover_tools{", "api_read{\"operationHandle\"");
      int withRows = 0;
      List<String> queries = queries();
      for (String query : queries) {
        List<Map<String, Object>> expected = StatsigEmulator.rows(v1, query);
        assertThat(StatsigEmulator.rows(v3, query)).as(query).isEqualTo(expected);
        withRows += expected.isEmpty() ? 0 : 1;
      }
      assertThat(withRows).as("queries with rows").isGreaterThan(queries.size() * 3 / 4);
      ToolCalls viaV1 = v1.unwrap(StatsigConnection.class).toolCalls();
      ToolCalls viaV3 = v3.unwrap(StatsigConnection.class).toolCalls();
      assertThat(viaV3.pages()).isEqualTo(viaV1.pages());
      assertThat(viaV3.calls()).as("V1's calls, plus discovery answers asked once per operation")
          .isBetween(viaV1.calls(), viaV1.calls() + 1 + TableCatalog.load().operations().size());
      assertThat(((InMemoryConsoleApi) server.consoleApi()).writeCount()).as("nothing written").isZero();
    }
  }

  @Test
  void aForcedDialectIsUsedAndAnUnknownOneIsRefusedWithTheChoices() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().port(0).today(StatsigEmulator.TODAY)
            .apiKey(StatsigEmulator.API_KEY, false));
        Connection v3 = connect(server.v3McpUrl(), "v3")) {
      assertThat(explain(v3, "SELECT id FROM gates WHERE id = 'new_onboarding'")).contains("gate_read{\"action\":\"get\"");
      assertThatThrownBy(() -> connect(server.v3McpUrl(), "v2"))
          .isInstanceOf(SQLNonTransientConnectionException.class)
          .hasMessageContaining("dialect='v2' is not valid: give auto");
    }
  }

  private static Connection connect(String url, String dialect) throws Exception {
    return DriverManager.getConnection(StatsigDriver.PREFIX + "url=" + url + ";apiKey=" + StatsigEmulator.API_KEY
        + ";dialect=" + dialect);
  }

  private static String explain(Connection connection, String query) throws Exception {
    return StatsigEmulator.rows(connection, "EXPLAIN PLAN FOR " + query).toString();
  }
}
