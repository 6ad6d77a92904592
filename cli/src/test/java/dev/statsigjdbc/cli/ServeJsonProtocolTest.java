package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.answer.ResultTable;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avatica's JSON protocol spoken by hand over plain HTTP, as a Python or any other non-JVM client
 * does: openConnection, createStatement, prepareAndExecute, fetch, closeStatement, closeConnection.
 */
class ServeJsonProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "SELECT id, status FROM experiments ORDER BY id";

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
  void aQueryReturnsTheRowsOfTheDirectConnectionAcrossFrames() throws Exception {
    ResultTable expected = served.direct(QUERY);
    assertThat(expected.size()).as("the demo has enough experiments to need a second frame").isGreaterThan(5);

    rpc("openConnection", "c1");
    int statement = rpc("createStatement", "c1").path("statementId").asInt();
    JsonNode result = rpc("prepareAndExecute", "c1", "statementId", statement, "sql", QUERY, "maxRowCount", -1,
        "maxRowsInFirstFrame", 5).path("results").path(0);
    assertThat(result.path("signature").path("columns").findValuesAsText("label")).containsExactly("id", "status");

    List<List<String>> rows = new ArrayList<>();
    JsonNode frame = result.path("firstFrame");
    addRows(frame, rows);
    assertThat(rows).hasSize(5);
    while (!frame.path("done").asBoolean()) {
      frame = rpc("fetch", "c1", "statementId", statement, "offset", rows.size(), "fetchMaxRowCount", 100)
          .path("frame");
      addRows(frame, rows);
    }
    assertThat(rows).isEqualTo(expected.rows().stream().map(r -> r.stream().map(String::valueOf).toList()).toList());

    assertThat(rpc("closeStatement", "c1", "statementId", statement).path("response").asText())
        .isEqualTo("closeStatement");
    assertThat(rpc("closeConnection", "c1").path("response").asText()).isEqualTo("closeConnection");
  }

  @Test
  void withoutMaxRowsInFirstFrameTheFirstFrameStillCarriesRows() throws Exception {
    rpc("openConnection", "c4");
    int statement = rpc("createStatement", "c4").path("statementId").asInt();

    JsonNode frame = rpc("prepareAndExecute", "c4", "statementId", statement, "sql", QUERY, "maxRowCount", -1)
        .path("results").path(0).path("firstFrame");

    assertThat(frame.path("rows").size())
        .isEqualTo(Math.min(served.direct(QUERY).size(), ServeJdbcMeta.FIRST_FRAME_ROWS));
    rpc("closeConnection", "c4");
  }

  @Test
  void aWriteIsRefusedWithTheDriversReadOnlySqlState() throws Exception {
    rpc("openConnection", "c2");
    int statement = rpc("createStatement", "c2").path("statementId").asInt();

    JsonNode error = send(request("prepareAndExecute", "c2", "statementId", statement,
        "sql", "DELETE FROM gates WHERE id = 'new_onboarding'", "maxRowCount", -1));

    assertThat(error.path("response").asText()).isEqualTo("error");
    assertThat(error.path("sqlState").asText()).isEqualTo("25006");
    assertThat(error.path("errorMessage").asText()).contains("read-only");
    assertThat(served.direct("SELECT id FROM gates WHERE id = 'new_onboarding'").size()).isEqualTo(1);
    rpc("closeConnection", "c2");
  }

  @Test
  void connectionPropertiesFromTheClientCannotRedirectTheServersConnection() throws Exception {
    ObjectNode open = request("openConnection", "c3");
    // Were these used, the connection would go to a port where nothing listens, or open an H2 database.
    open.putObject("info").put("url", "http://127.0.0.1:1/v1/mcp").put("attach.evil.url", "jdbc:h2:mem:evil");
    assertThat(send(open).path("response").asText()).isEqualTo("openConnection");
    int statement = rpc("createStatement", "c3").path("statementId").asInt();

    JsonNode result = rpc("prepareAndExecute", "c3", "statementId", statement,
        "sql", "SELECT COUNT(*) AS n FROM experiments", "maxRowCount", -1, "maxRowsInFirstFrame", 100)
        .path("results").path(0);

    assertThat(result.path("firstFrame").path("rows").path(0).path(0).asLong()).as(result.toString())
        .isEqualTo(((Number) served.direct("SELECT COUNT(*) AS n FROM experiments").value(0, "n")).longValue());
    JsonNode schemas = send(request("getSchemas", "c3"));
    assertThat(schemas.toString()).doesNotContain("evil");
    rpc("closeConnection", "c3");
  }

  private static void addRows(JsonNode frame, List<List<String>> rows) {
    for (JsonNode row : frame.path("rows")) {
      List<String> values = new ArrayList<>();
      row.forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
      rows.add(values);
    }
  }

  private static ObjectNode request(String kind, String connectionId, Object... fields) {
    ObjectNode request = JSON.createObjectNode().put("request", kind).put("connectionId", connectionId);
    for (int i = 0; i < fields.length; i += 2) {
      request.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
    }
    return request;
  }

  /** Sends a request that must succeed. */
  private static JsonNode rpc(String kind, String connectionId, Object... fields) throws Exception {
    JsonNode response = send(request(kind, connectionId, fields));
    assertThat(response.path("response").asText()).as(response.toString()).isNotEqualTo("error");
    return response;
  }

  private static JsonNode send(ObjectNode request) throws Exception {
    HttpResponse<String> response = served.post("", "application/json", request.toString());
    return JSON.readTree(response.body());
  }
}
