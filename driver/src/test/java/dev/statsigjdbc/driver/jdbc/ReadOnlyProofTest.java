package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.guard.BlockedToolException;
import dev.statsigjdbc.adapter.guard.GuardedToolSource;
import dev.statsigjdbc.adapter.guard.ToolPolicy;
import dev.statsigjdbc.driver.mcp.ApiKeyCredentials;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.mcp.McpSession;
import dev.statsigjdbc.emulator.mcp.ToolCatalog;
import dev.statsigjdbc.emulator.mcp.ToolDefinition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing is written, whatever path is taken: every write tool the emulator publishes, and fuzzed
 * spellings of them, through the table function, the guarded source over a live MCP session, and
 * every table. The API key can write, so only the driver stands in the way; the emulator's write
 * counters must stay at zero.
 */
class ReadOnlyProofTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Arguments a write tool would accept: an existing id and a body. */
  private static final String WRITE_ARGUMENTS =
      "{\"params\":{\"path_id\":\"checkout_v2\",\"application/json\":{\"name\":\"x\",\"description\":\"x\"}}}";

  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static Connection connection;
  private static McpSession session;
  /** The guard the driver puts around the live session's tools. */
  private static GuardedToolSource guarded;

  @BeforeAll
  static void start() throws SQLException {
    connection = emulator.connect();
    session = McpSession.open(McpServerAddress.parse(emulator.server.mcpUrl()),
        new ApiKeyCredentials(StatsigEmulator.API_KEY), Duration.ofSeconds(20));
    guarded = GuardedToolSource.wrap(new McpToolSource(session), ToolPolicy.defaults());
  }

  @AfterAll
  static void stop() throws SQLException {
    session.close();
    connection.close();
  }

  @AfterEach
  void nothingWasWritten() {
    assertThat(emulator.console().writeCount()).as("writes in the emulator's model").isZero();
    assertThat(emulator.server.stats().snapshot().writes()).as("write tool calls served").isZero();
    assertThat(emulator.server.stats().snapshot().byTool().keySet()).doesNotContainAnyElementsOf(writeTools());
  }

  static List<String> writeTools() {
    return ToolCatalog.load(JSON).all().stream().filter(ToolDefinition::write).map(ToolDefinition::name).toList();
  }

  /** Each write name, and for the most destructive ones spellings a careless guard might let through. */
  static Stream<String> writeAndFuzzedNames() {
    List<String> names = new ArrayList<>(writeTools());
    for (String tool : List.of("Update_Gate_Entirely", "Delete_Experiment", "Create_Gate", "Invoke_Tool")) {
      names.addAll(List.of(tool.toLowerCase(), tool.toUpperCase(), " " + tool, tool + " ", tool + "\n",
          tool + "\u200b", "\u200b" + tool, tool.replace('e', '\u0435'), "statsig." + tool, tool + "?x=1"));
    }
    names.addAll(List.of("", " ", "Invoke_Tool", "'; DROP TABLE experiments; --", "../Create_Experiment",
        "%43reate_Experiment", "Create_Experiment\u0000", "x".repeat(10_000)));
    return names.stream();
  }

  @Test
  void theEmulatorPublishesWriteToolsForTheDriverToRefuse() {
    assertThat(writeTools()).contains("Create_Experiment", "Update_Gate_Entirely", "Delete_Gate", "Invoke_Tool");
  }

  @ParameterizedTest
  @MethodSource("writeAndFuzzedNames")
  void theTableFunctionRefusesEveryWriteName(String tool) throws Exception {
    String sql = "SELECT * FROM TABLE(statsig.tool(" + literal(tool) + ", " + literal(WRITE_ARGUMENTS) + "))";
    assertThatThrownBy(() -> rows(connection, sql)).isInstanceOfSatisfying(SQLException.class, e -> {
      if (tool.isBlank()) {
        assertThat(e.getMessage()).contains("needs a tool name");
      } else {
        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("25006");
      }
    });
  }

  @ParameterizedTest
  @MethodSource("writeAndFuzzedNames")
  void theGuardedSourceOverALiveSessionRefusesEveryWriteName(String tool) throws Exception {
    JsonNode arguments = JSON.readTree(WRITE_ARGUMENTS);

    assertThatThrownBy(() -> guarded.call(tool, arguments)).isInstanceOf(BlockedToolException.class);
    assertThat(guarded.tools()).extracting(t -> t.name()).doesNotContainAnyElementsOf(writeTools());
  }

  @Test
  void everyTableReadsOnly() throws Exception {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getTables(null, "statsig", "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
      assertThat(tables).contains("experiments", "gates", "audit_logs");
      for (String table : tables) {
        try {
          rows(connection, "SELECT * FROM statsig.\"" + table + "\" LIMIT 3");
        } catch (SQLException e) {
          assertThat(e.getSQLState()).as(table + ": " + e.getMessage()).isEqualTo("22023"); // a required filter
        }
      }
    }
    assertThat(emulator.server.stats().snapshot().total()).as("tools were called").isPositive();
  }

  @Test
  void writeStatementsAreRefusedBeforeAnyCall() throws Exception {
    for (String sql : Set.of("INSERT INTO experiments (id) VALUES ('x')", "UPDATE gates SET name = 'x'",
        "DELETE FROM experiments", "DROP TABLE experiments", "CREATE TABLE t (x INT)")) {
      assertThatThrownBy(() -> rows(connection, sql)).as(sql)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
