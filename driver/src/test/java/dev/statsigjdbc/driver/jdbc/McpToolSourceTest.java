package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
import dev.statsigjdbc.driver.mcp.ApiKeyCredentials;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.mcp.McpSession;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's view of a live MCP session: descriptors with annotations and schemas, results and errors. */
class McpToolSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static McpSession session;
  private static McpToolSource source;

  @BeforeAll
  static void open() {
    session = McpSession.open(McpServerAddress.parse(emulator.server.mcpUrl()),
        new ApiKeyCredentials(StatsigEmulator.API_KEY), Duration.ofSeconds(20));
    source = new McpToolSource(session);
  }

  @AfterAll
  static void close() {
    session.close();
  }

  @Test
  void descriptorsCarryAnnotationsAndTheInputSchemaAsJson() throws Exception {
    ToolDescriptor update = source.tools().stream()
        .filter(t -> t.name().equals("Update_Gate_Entirely")).findFirst().orElseThrow();

    assertThat(update.annotations().destructiveHint()).isTrue();
    assertThat(JSON.readTree(update.inputSchema()).at("/properties/params/properties/path_id/type").asText())
        .isEqualTo("string");
  }

  @Test
  void aSuccessfulCallGivesTheConsoleApiBody() throws Exception {
    ToolResult result = source.call("Get_Gate_Details_by_ID",
        JSON.readTree("{\"params\":{\"path_id\":\"new_onboarding\"}}"));

    assertThat(result.isError()).isFalse();
    assertThat(result.json().at("/data/id").asText()).isEqualTo("new_onboarding");
  }

  @Test
  void anUpstreamErrorIsAnErrorResultWithTheStatus() throws Exception {
    ToolResult result = source.call("Get_Gate_Details_by_ID", JSON.readTree("{\"params\":{\"path_id\":\"no_such_gate\"}}"));

    assertThat(result.isError()).isTrue();
    assertThat(result.errorText()).contains("404");
  }
}
