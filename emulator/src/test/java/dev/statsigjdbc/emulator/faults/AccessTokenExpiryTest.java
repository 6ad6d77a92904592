package dev.statsigjdbc.emulator.faults;

import static dev.statsigjdbc.emulator.McpTestClients.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.McpTestClients;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "The access token expires mid-query": after N tool calls the OAuth client's token stops working. */
class AccessTokenExpiryTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void tokenExpiresAfterTheChosenNumberOfToolCalls() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().autoApprove(true))) {
      String token = OAuthTokens.accessToken(server);
      assertThat(server.auth().liveAccessTokens()).isEqualTo(1);
      HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.origin())
          .endpoint("/v1/mcp")
          .jsonMapper(new JacksonMcpJsonMapper(MAPPER))
          .addHttpRequestCustomizer((builder, method, uri, body, ctx) -> builder.header("Authorization", "Bearer " + token))
          .build();
      try (McpSyncClient client = McpClient.sync(transport)
          .jsonSchemaValidator(new DefaultJsonSchemaValidator(MAPPER))
          .requestTimeout(Duration.ofSeconds(20))
          .build()) {
        client.initialize();
        server.faults().expireAccessTokensAfter(2);
        Map<String, Object> exp1 = Map.of("path_id", McpTestClients.anExperimentId(server));
        assertThat(call(client, "Get_Experiment_Details_by_ID", exp1).isError()).isFalse();
        assertThat(call(client, "Get_Experiment_Details_by_ID", exp1).isError()).isFalse();
        assertThat(server.auth().liveAccessTokens()).isZero();
        assertThatThrownBy(() -> call(client, "Get_Experiment_Details_by_ID", exp1)).isInstanceOf(RuntimeException.class);
        assertThat(server.stats().snapshot().calls("Get_Experiment_Details_by_ID")).isEqualTo(2);
      }
    }
  }
}
