package dev.statsigjdbc.emulator.faults;

import static dev.statsigjdbc.emulator.McpTestClients.call;
import static dev.statsigjdbc.emulator.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.McpTestClients;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault as a client sees it, against a real emulator on loopback. */
class FaultInjectionTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static EmulatorServer server;
  private static Map<String, Object> anExperiment;
  private static RawMcp raw;

  @BeforeAll
  static void start() {
    server = EmulatorServer.start(EmulatorConfig.defaults().requireAuth(false));
    anExperiment = Map.of("path_id", McpTestClients.anExperimentId(server));
    raw = new RawMcp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void clearFaults() {
    server.faults().reset();
  }

  @Test
  void tooManyRequestsWithAndWithoutRetryAfter() throws Exception {
    server.faults().tooManyRequests(2, 3);
    HttpResponse<String> first = raw.post(RawMcp.INITIALIZE, null);
    HttpResponse<String> second = raw.post(RawMcp.INITIALIZE, null);
    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("3");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(raw.post(RawMcp.INITIALIZE, null).statusCode()).isEqualTo(200);

    server.faults().tooManyRequests(1, null);
    HttpResponse<String> bare = raw.post(RawMcp.INITIALIZE, null);
    assertThat(bare.statusCode()).isEqualTo(429);
    assertThat(bare.headers().firstValue("Retry-After")).isEmpty();
    assertThat(server.faults().injected("tooManyRequests")).isEqualTo(3);
  }

  @Test
  void serverErrorsForTheNextRequestsOrAtASeededRate() throws Exception {
    server.faults().serverErrors(1, 503);
    assertThat(raw.post(RawMcp.INITIALIZE, null).statusCode()).isEqualTo(503);
    assertThat(raw.post(RawMcp.INITIALIZE, null).statusCode()).isEqualTo(200);

    long seed = 7;
    server.faults().serverErrorRate(0.5, 502, seed);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(raw.post(RawMcp.INITIALIZE, null).statusCode());
    }
    Random expected = new Random(seed);
    List<Integer> predicted = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      predicted.add(expected.nextDouble() < 0.5 ? 502 : 200);
    }
    assertThat(statuses).isEqualTo(predicted).contains(502, 200);
  }

  @Test
  void malformedJsonBreaksTheChosenToolsResultOnce() {
    try (McpSyncClient client = McpTestClients.connect(server, null)) {
      server.faults().malformedJson("Get_Experiment_Details_by_ID", 1);
      String broken = text(call(client, "Get_Experiment_Details_by_ID", anExperiment));
      assertThatThrownBy(() -> MAPPER.readTree(broken)).isInstanceOf(JsonProcessingException.class);
      String whole = text(call(client, "Get_Experiment_Details_by_ID", anExperiment));
      assertThat(whole).contains((String) anExperiment.get("path_id"));
      assertThat(server.faults().injected("malformedJson")).isEqualTo(1);
    }
  }

  @Test
  void missingFieldLeavesOutTheRecordsOrOneFieldOfEachOnce() throws Exception {
    try (McpSyncClient client = McpTestClients.connect(server, null)) {
      server.faults().missingField("Get_Experiment_Details_by_ID", "data", 1);
      assertThat(MAPPER.readTree(text(call(client, "Get_Experiment_Details_by_ID", anExperiment))).has("data")).isFalse();
      server.faults().missingField("Get_Experiment_Details_by_ID", "status", 1);
      var withoutStatus = MAPPER.readTree(text(call(client, "Get_Experiment_Details_by_ID", anExperiment))).path("data");
      assertThat(withoutStatus.has("id")).isTrue();
      assertThat(withoutStatus.has("status")).isFalse();
      assertThat(MAPPER.readTree(text(call(client, "Get_Experiment_Details_by_ID", anExperiment))).path("data").has("status"))
          .isTrue();
      assertThat(server.faults().injected("missingField")).isEqualTo(2);
    }
  }

  @Test
  void invalidUtf8PutsBytesThatAreNotUtf8OnTheWireOnce() throws Exception {
    String session = raw.openSession();
    String call = """
        {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"Get_Experiment_Details_by_ID",
         "arguments":{"params":{"path_id":"%s"}}}}""".formatted(anExperiment.get("path_id"));
    server.faults().invalidUtf8("Get_Experiment_Details_by_ID", 1);

    byte[] damaged = raw.postForBytes(call, session).body();
    byte[] intact = raw.postForBytes(call, session).body();

    assertThat(indexOf(damaged, DamagedResults.INVALID_BYTES)).isNotNegative();
    assertThat(indexOf(damaged, DamagedResults.MARKER_BYTES)).isNegative();
    assertThat(indexOf(intact, DamagedResults.INVALID_BYTES)).isNegative();
    assertThat(new String(intact, java.nio.charset.StandardCharsets.UTF_8)).contains((String) anExperiment.get("path_id"));
    assertThat(server.faults().injected("invalidUtf8")).isEqualTo(1);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void droppedConnectionFailsTheCallAndTheNextOneWorks() throws Exception {
    server.faults().dropConnections(1);
    assertThatThrownBy(() -> raw.post(RawMcp.INITIALIZE, null)).isInstanceOf(IOException.class);
    assertThat(raw.post(RawMcp.INITIALIZE, null).statusCode()).isEqualTo(200);

    try (McpSyncClient client = McpTestClients.connect(server, null)) {
      server.faults().dropConnections(1);
      assertThatThrownBy(() -> call(client, "Get_Experiment_Details_by_ID", anExperiment)).isInstanceOf(RuntimeException.class);
      assertThat(call(client, "Get_Experiment_Details_by_ID", anExperiment).isError()).isFalse();
    }
    assertThat(server.faults().injected("dropConnection")).isEqualTo(2);
  }

  @Test
  void expiredSessionAnswers404AndTheSdkClientRecoversWithANewSession() throws Exception {
    String session = raw.openSession();
    assertThat(raw.post(RawMcp.LIST_TOOLS, session).statusCode()).isEqualTo(200);
    try (McpSyncClient client = McpTestClients.connect(server, null)) {
      server.faults().expireSessions();
      assertThat(raw.post(RawMcp.LIST_TOOLS, session).statusCode()).isEqualTo(404);
      // The SDK client sees the 404, starts a new session in the background and fails this call.
      assertThatThrownBy(() -> call(client, "Get_Experiment_Details_by_ID", anExperiment)).isInstanceOf(RuntimeException.class);
      // A call racing the SDK's background re-initialization can fail once more (an SDK race, not the
      // emulator's): the client must be back within a few calls.
      assertThat(firstSuccessWithin(3, () -> call(client, "Get_Experiment_Details_by_ID", anExperiment)).isError())
          .isFalse();
    }
    String fresh = raw.openSession();
    assertThat(raw.post(RawMcp.LIST_TOOLS, fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void latencyIsAddedToEveryMcpRequest() {
    try (McpSyncClient client = McpTestClients.connect(server, null)) {
      server.faults().latencyMillis(5);
      for (int i = 0; i < 3; i++) {
        call(client, "Get_Experiment_Details_by_ID", anExperiment);
      }
      assertThat(server.faults().injected("latency")).isEqualTo(3);
    }
  }

  @Test
  void tokenBucketAnswers429WithRetryAfterOnceSpent() throws Exception {
    try (EmulatorServer limited = EmulatorServer.start(
        EmulatorConfig.defaults().requireAuth(false).rateLimit(4, Duration.ofHours(1)))) {
      RawMcp limitedRaw = new RawMcp(limited);
      for (int i = 0; i < 4; i++) {
        assertThat(limitedRaw.post(RawMcp.INITIALIZE, null).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> refused = limitedRaw.post(RawMcp.INITIALIZE, null);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
      assertThat(refused.body()).contains("rate limit");
    }
  }

  private static <T> T firstSuccessWithin(int attempts, Supplier<T> call) {
    RuntimeException last = null;
    for (int i = 0; i < attempts; i++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last;
  }
}
