package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The assistant over HTTP on the same server as Avatica: /api/ask, /api/chart, /api/pin, /dashboards/NAME. */
class ServeAssistantApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GATE = "What is the exposure split on the new-onboarding gate?";

  @TempDir static Path dashboards;
  private static ServedDemo served;

  @BeforeAll
  static void start() throws Exception {
    served = ServedDemo.start(Driver.Serialization.JSON, dashboards);
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void askAnswersWhatAskJsonPrints() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = StatsigSql.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("ask", GATE, "--demo", "--json")).isZero();

    HttpResponse<String> response = served.post("api/ask", "application/json", "{\"question\": \"" + GATE + "\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(out.toString()));
  }

  @Test
  void aQuestionOutsideItsRangeIsAnAnswerWithSuggestions() throws Exception {
    JsonNode answer = JSON.readTree(
        served.post("api/ask", "application/json", "{\"question\": \"What's the weather?\"}").body());

    assertThat(answer.path("understood").asBoolean()).isFalse();
    assertThat(answer.path("suggestions").size()).isPositive();
  }

  @Test
  void chartTurnsAnAnswersChartIntoVegaLiteAndATableIntoNull() throws Exception {
    JsonNode answer = JSON.readTree(served.post("api/ask", "application/json", "{\"question\": \"" + GATE + "\"}")
        .body());

    JsonNode spec = JSON.readTree(served.post("api/chart", "application/json", answer.path("chart").toString()).body());
    assertThat(spec.path("$schema").asText()).contains("vega-lite");
    assertThat(spec.path("mark").asText()).isEqualTo("bar");
    assertThat(spec.path("data").path("values").toString()).contains("Everyone else");

    JsonNode table = JSON.readTree(served.post("api/chart", "application/json",
        "{\"kind\": \"TABLE\", \"title\": \"t\", \"categories\": [], \"series\": []}").body());
    assertThat(table.isNull()).isTrue();
  }

  @Test
  void pinThenTheDashboardPageRunsThePinnedQueryAgain() throws Exception {
    HttpResponse<String> pinned = served.post("api/pin", "application/json",
        "{\"question\": \"" + GATE + "\", \"dashboard\": \"api-test\"}");

    assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(pinned.body());
    assertThat(result.path("pins").asInt()).isEqualTo(1);
    assertThat(result.path("url").asText()).isEqualTo("dashboards/api-test");
    assertThat(Files.readString(dashboards.resolve("api-test.json"))).contains(GATE).contains("gate_results");

    HttpResponse<String> page = served.get("dashboards/api-test");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<h1>api-test</h1>", GATE, "id=\"chart-1\"", "Last refreshed")
        .doesNotContain("Refresh failed");
  }

  @Test
  void badRequestsGetAClearErrorAndStatus() throws Exception {
    assertError(served.post("api/ask", "text/plain", "{\"question\": \"" + GATE + "\"}"), 415, "Content-Type");
    assertError(served.post("api/ask", "application/json", "{}"), 400, "\"question\"");
    assertError(served.post("api/ask", "application/json", "not json"), 400, "not the JSON expected");
    assertError(served.post("api/pin", "application/json", "{\"question\": \"" + GATE + "\", \"dashboard\": \"../x\"}"),
        400, "Dashboard name");
    assertError(served.post("api/pin", "application/json",
        "{\"question\": \"What's the weather?\", \"dashboard\": \"x\"}"), 400, "not understood");
    assertError(served.get("dashboards/nothing-pinned-here"), 404, "pin an answer first");
    assertError(served.post("api/unknown", "application/json", "{}"), 404, "/api/ask");
    assertThat(Files.exists(dashboards.resolve("x.json"))).isFalse();
    Files.writeString(dashboards.resolve("broken.json"), "{ not json");
    assertError(served.get("dashboards/broken"), 500, "could not be read");
  }

  @Test
  void theChatPageAndItsLocalVegaScriptsAreServed() throws Exception {
    HttpResponse<String> page = served.get("");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"vega/vega-embed.min.js\"></script>").doesNotContain("https://");

    HttpResponse<String> script = served.get("vega/vega-lite.min.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("text/javascript"));
    assertThat(script.body().length()).isGreaterThan(100_000);
    assertThat(served.get("vega/../../etc/passwd").statusCode()).isNotEqualTo(200);
  }

  @Test
  void withoutAPasswordOnlyRequestsAddressedToLoopbackNamesAreAnswered() throws Exception {
    assertThat(statusLine("127.0.0.1")).contains(" 200 ");
    assertThat(statusLine("localhost")).contains(" 200 ");
    // What a page whose own name was rebound to 127.0.0.1 would send.
    assertThat(statusLine("attacker.example")).contains(" 403 ");
  }

  @Test
  void aPortInUseIsAClearError() {
    ServeSettings samePort = new ServeSettings("127.0.0.1", served.server.port(), Driver.Serialization.JSON,
        Optional.empty());

    assertThatThrownBy(() -> ServeServer.start(served.opened, new DashboardStore(dashboards), samePort))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot listen on 127.0.0.1:"
            + served.server.port()).hasMessageContaining("--port");
  }

  /** A raw request: java.net.http does not let a client choose the Host header. */
  private static String statusLine(String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", served.server.port())) {
      socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + ":" + served.server.port()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  private static void assertError(HttpResponse<String> response, int status, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(JSON.readTree(response.body()).path("error").asText()).contains(message);
  }
}
