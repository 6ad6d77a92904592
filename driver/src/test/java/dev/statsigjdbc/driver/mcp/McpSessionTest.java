package dev.statsigjdbc.driver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class McpSessionTest {
  private static final String READ_KEY = "console-read-only-test-key";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmulatorServer emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = EmulatorServer.start(EmulatorConfig.defaults().apiKey(READ_KEY, false));
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void resetFaults() {
    emulator.faults().reset();
  }

  @Test
  void listsEveryPublishedToolAndCallsOne() throws Exception {
    try (McpSession session = open(new ApiKeyCredentials(READ_KEY))) {
      List<McpSchema.Tool> tools = session.tools();
      assertThat(tools).extracting(McpSchema.Tool::name)
          .contains("Get_List_of_Experiments", "Get_Experiment_Details_by_ID", "Update_Gate_Entirely");

      McpSchema.CallToolResult result = session.call("Get_List_of_Experiments",
          Map.of("params", Map.of("query_limit", 5)));

      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      JsonNode body = JSON.readTree(((McpSchema.TextContent) result.content().get(0)).text());
      assertThat(body.path("data")).hasSize(5);
      assertThat(body.path("pagination").path("totalItems").asInt()).isGreaterThan(5);
    }
  }

  @Test
  void aCallWhoseSessionTheServerForgotIsRetriedOnANewSession() {
    try (McpSession session = open(new ApiKeyCredentials(READ_KEY))) {
      emulator.faults().expireSessions();

      McpSchema.CallToolResult result = session.call("Get_List_of_Tags", Map.of("params", Map.of()));

      assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(emulator.faults().injected()).isNotEmpty();
    }
  }

  @Test
  void rejectedCredentialsAreRefreshedOnceAndTheRequestReplayed() {
    AtomicInteger refreshes = new AtomicInteger();
    RequestCredentials staleThenFresh = new RequestCredentials() {
      @Override
      public void apply(HttpRequest.Builder request) {
        request.setHeader(ApiKeyCredentials.HEADER, refreshes.get() == 0 ? "console-stale-key" : READ_KEY);
      }

      @Override
      public boolean refreshAfterRejection(int status, String wwwAuthenticate) {
        refreshes.incrementAndGet();
        return true;
      }

      @Override
      public String kind() {
        return "test credentials";
      }
    };

    try (McpSession session = open(staleThenFresh)) {
      assertThat(session.tools()).isNotEmpty();
    }
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void anUnknownApiKeyIsRefusedWithAMessageThatSaysWhatToDoAndHidesTheKey() {
    String wrongKey = "console-not-a-key-of-this-project";

    assertThatThrownBy(() -> open(new ApiKeyCredentials(wrongKey)))
        .isInstanceOfSatisfying(McpSessionException.class, e -> {
          assertThat(e.kind()).isEqualTo(McpSessionException.Kind.UNAUTHORIZED);
          assertThat(e.getMessage()).contains("HTTP 401").contains("API key").doesNotContain(wrongKey);
        });
  }

  @Test
  void anUnreachableServerSaysSo() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    McpServerAddress nowhere = McpServerAddress.parse("http://127.0.0.1:" + closedPort + "/v1/mcp");

    assertThatThrownBy(() -> McpSession.open(nowhere, new ApiKeyCredentials(READ_KEY), TIMEOUT))
        .isInstanceOfSatisfying(McpSessionException.class, e -> {
          assertThat(e.kind()).isEqualTo(McpSessionException.Kind.UNREACHABLE);
          assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).contains("check the URL");
        });
  }

  @Test
  void apiKeyCredentialsNeverPrintTheKey() {
    assertThat(new ApiKeyCredentials(READ_KEY).toString()).doesNotContain(READ_KEY);
  }

  private static McpSession open(RequestCredentials credentials) {
    return McpSession.open(McpServerAddress.parse(emulator.mcpUrl()), credentials, TIMEOUT);
  }
}
