package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.answer.ResultTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve with its defaults (protobuf) answers Avatica's JSON protocol too when a request is sent as
 * JSON, and remote connections that follow one another (as Superset opens one per query) reuse one
 * warm MCP session instead of opening a new one each.
 */
class ServeSessionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "SELECT id, status FROM experiments ORDER BY id";

  @TempDir static Path dashboards;
  private static ServedDemo served;

  @BeforeAll
  static void start() throws Exception {
    served = ServedDemo.start(Driver.Serialization.PROTOBUF, dashboards);
  }

  @AfterAll
  static void stop() throws Exception {
    served.close();
  }

  @Test
  void connectionsOneAfterAnotherReuseOneSessionOverJsonAndProtobuf() throws Exception {
    ResultTable expected = served.direct(QUERY);
    long before = served.server.sessions().openedCount();

    for (int i = 0; i < 4; i++) {
      assertThat(jsonQuery("json-" + i)).isEqualTo(expected.size());
    }
    Properties none = new Properties();
    for (int i = 0; i < 2; i++) {
      try (Connection avatica = DriverManager.getConnection(served.server.avaticaUrl(), none);
          Statement statement = avatica.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
        assertThat(ResultTable.read(rows).rows()).isEqualTo(expected.rows());
      }
    }

    assertThat(served.server.sessions().openedCount() - before).as("MCP sessions opened for 6 connections")
        .isLessThanOrEqualTo(1);
    assertThat(served.server.sessions().idleCount()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aLeaseClosesItsStatementsAndCannotBeUsedAfterClose() throws Exception {
    ServeSessions sessions = served.server.sessions();
    Connection lease = sessions.lease();
    Statement statement = lease.createStatement();
    lease.close();

    assertThat(statement.isClosed()).isTrue();
    assertThat(lease.isClosed()).isTrue();
    assertThatThrownBy(lease::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("closed");
  }

  /** One remote connection over JSON: open, query, close; the number of rows. */
  private static int jsonQuery(String connection) throws Exception {
    rpc("openConnection", connection);
    int statement = rpc("createStatement", connection).path("statementId").asInt();
    JsonNode result = rpc("prepareAndExecute", connection, "statementId", statement, "sql", QUERY, "maxRowCount", -1,
        "maxRowsInFirstFrame", 1000).path("results").path(0);
    List<JsonNode> rows = new ArrayList<>();
    result.path("firstFrame").path("rows").forEach(rows::add);
    assertThat(result.path("firstFrame").path("done").asBoolean()).isTrue();
    rpc("closeConnection", connection);
    return rows.size();
  }

  private static JsonNode rpc(String request, String connection, Object... more) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("request", request).put("connectionId", connection);
    for (int i = 0; i < more.length; i += 2) {
      body.set((String) more[i], JSON.valueToTree(more[i + 1]));
    }
    var response = served.post("", "application/json", body.toString());
    JsonNode answer = JSON.readTree(response.body());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(answer.path("response").asText()).as(response.body()).isNotEqualTo("error");
    return answer;
  }
}
