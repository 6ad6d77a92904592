package dev.statsigjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmulatorServerLifecycleTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void closeStopsTomcatThreadsAndFreesThePort() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().requireAuth(false));
    int port = server.port();
    assertThat(port).isPositive();
    try (McpSyncClient client = McpTestClients.connect(server, null)) {
      assertThat(client.listTools().tools()).isNotEmpty();
    }
    server.close();

    Set<Thread> leftovers = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.getName().startsWith("http-nio-"))
        .collect(Collectors.toSet());
    for (Thread t : leftovers) {
      t.join(5_000);
    }
    assertThat(leftovers).noneMatch(Thread::isAlive);
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void listensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> external = NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().requireAuth(false))) {
      try (Socket loopback = new Socket(EmulatorServer.HOST, server.port())) {
        assertThat(loopback.isConnected()).isTrue();
      }
      assertThatThrownBy(() -> new Socket(external.get(), server.port()).close()).isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void busyPortIsAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(EmulatorServer.HOST))) {
      assertThatThrownBy(() -> EmulatorServer.start(
              EmulatorConfig.defaults().port(taken.getLocalPort())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(String.valueOf(taken.getLocalPort()));
    }
  }

  @Test
  void adminEndpointsSetFaultsReadStatsAndReset() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().requireAuth(false));
        McpSyncClient client = McpTestClients.connect(server, null)) {
      JsonNode set = admin(server, "POST", "/admin/faults",
          "{\"latencyMillis\":1,\"malformedJson\":{\"tool\":\"Get_List_of_Experiments\",\"count\":2}}", 200);
      assertThat(set.path("latencyMillis").asLong()).isEqualTo(1);
      assertThat(admin(server, "GET", "/admin/faults", null, 200).path("malformedJson")
          .path("Get_List_of_Experiments").asInt()).isEqualTo(2);

      McpTestClients.call(client, "Get_List_of_Experiments", Map.of());
      JsonNode stats = admin(server, "GET", "/admin/stats", null, 200);
      assertThat(stats.path("toolCalls").path("byTool").path("Get_List_of_Experiments").asLong()).isEqualTo(1);
      assertThat(stats.path("toolCalls").path("total").asLong()).isEqualTo(1);
      assertThat(stats.path("faults").path("malformedJson").asLong()).isEqualTo(1);

      admin(server, "POST", "/admin/reset", "", 200);
      assertThat(server.stats().snapshot().total()).isZero();
      assertThat(server.faults().settings().latencyMillis()).isZero();

      assertThat(admin(server, "POST", "/admin/faults", "{\"latencyMs\":5}", 400).path("message").asText())
          .contains("latencyMs");
      assertThat(admin(server, "POST", "/admin/faults", "{\"serverErrors\":{\"count\":1,\"status\":404}}", 400)
          .path("message").asText()).contains("5xx");
      admin(server, "GET", "/admin/nothing", null, 404);
    }
  }

  private JsonNode admin(EmulatorServer server, String method, String path, String body, int expectedStatus)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.origin() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
    return MAPPER.readTree(response.body());
  }
}
