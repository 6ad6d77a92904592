package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import dev.statsigjdbc.emulator.api.ApiCall;
import dev.statsigjdbc.emulator.api.ConsoleApi;
import dev.statsigjdbc.emulator.api.InMemoryConsoleApi;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad SQL and bad input give clear errors (or correct results) without hanging or flooding the server. */
class BadInputTest {
  @RegisterExtension
  static final StatsigEmulator emulator = new StatsigEmulator();
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    connection = emulator.connect("timeoutSeconds=10");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
  }

  @BeforeEach
  void resetCounts() {
    emulator.server.stats().reset();
  }

  @Test
  void aSyntaxErrorSaysWhereWithAHintThatFits() {
    assertThatThrownBy(() -> rows(connection, "SELECT id FROM experiments WHERE"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("42000");
          assertThat(e.getMessage()).contains("SQL syntax error").contains("line 1").doesNotContain("..")
              .doesNotContain("quote");
        });
    assertThatThrownBy(() -> rows(connection, "SELEC id FROM experiments"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("42000");
          assertThat(e.getMessage()).contains("starts with SELECT").doesNotContain("quote");
        });
  }

  @Test
  void aReservedWordAsAColumnSaysExactlyHowToQuoteIt() throws Exception {
    for (String sql : List.of("SELECT value FROM metric_values WHERE metric_id = 'revenue_per_user::sum' AND ds = DATE '2026-03-01'",
        "SELECT name FROM audit_logs ORDER BY time", "SELECT count FROM segments")) {
      String word = sql.contains("value") ? "value" : sql.contains("time") ? "time" : "count";
      assertThatThrownBy(() -> rows(connection, sql))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("42000");
            assertThat(e.getMessage()).contains("reserved word").contains("\"" + word + "\"");
          });
      // Quoted as the message says, the same query runs.
      rows(connection, sql.replace(" " + word + " ", " \"" + word + "\" ").replaceAll(" " + word + "$", " \"" + word + "\""));
    }
  }

  @Test
  void anUnknownTableListsTheTables() {
    assertThatThrownBy(() -> rows(connection, "SELECT * FROM experimentz"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("42S02");
          assertThat(e.getMessage()).contains("experimentz").contains("experiments").contains("gates");
        });
  }

  @Test
  void anUnknownColumnPointsAtGetColumns() {
    assertThatThrownBy(() -> rows(connection, "SELECT colour FROM experiments"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("42S22");
          assertThat(e.getMessage()).contains("colour").contains("getColumns");
        });
  }

  @Test
  void tenThousandIdsAreRefusedBeforeAnyCall() {
    String ids = IntStream.range(0, 10_000).mapToObj(i -> "'exp_" + i + "'").collect(Collectors.joining(", "));

    assertThatThrownBy(() -> rows(connection, "SELECT id FROM experiments WHERE id IN (" + ids + ")"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("100"));
    assertThat(emulator.server.stats().snapshot().total()).as("no tool call for a refused query").isZero();
  }

  @Test
  void limitZeroReturnsNothing() throws Exception {
    assertThat(rows(connection, "SELECT id FROM experiments LIMIT 0")).isEmpty();
  }

  @Test
  void aLimitBeyondIntSaysTheMaximum() {
    assertThatThrownBy(() -> rows(connection, "SELECT id FROM gates LIMIT 2147483648"))
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("22003");
          assertThat(e.getMessage()).contains("at most 2147483647");
        });
  }

  @Test
  void theLargestLimitReturnsEverythingOnce() throws Exception {
    List<Map<String, Object>> all = rows(connection, "SELECT id FROM gates");

    assertThat(rows(connection, "SELECT id FROM gates LIMIT 2147483647")).isEqualTo(all);
    assertThat(rows(connection, "SELECT id FROM gates LIMIT 2147483647 OFFSET 2147483647")).isEmpty();
    assertThat(all).extracting(r -> r.get("id")).doesNotHaveDuplicates();
  }

  @Test
  void aVeryLongStringFindsNothingAndSaysSo() throws Exception {
    String longId = "x".repeat(100_000);

    assertThat(rows(connection, "SELECT id FROM experiments WHERE id = '" + longId + "'")).isEmpty();
    assertThat(rows(connection, "SELECT id FROM gates WHERE name = '" + longId + "'")).isEmpty();
  }

  @Test
  void invalidTextFromTheServerIsReadWithoutFailing() throws Exception {
    InMemoryConsoleApi data = emulator.console();
    ConsoleApi broken = new ConsoleApi() {
      @Override
      public Set<String> operations() {
        return data.operations();
      }

      @Override
      public JsonNode call(ApiCall call) {
        JsonNode body = data.call(call);
        // A lone surrogate cannot be encoded as UTF-8: what the client gets is not valid UTF-8 text.
        body.path("data").forEach(tag -> ((ObjectNode) tag).put("name", "bad \uD800 bytes \u00e9"));
        return body;
      }
    };
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().today(StatsigEmulator.TODAY)
            .apiKey(StatsigEmulator.API_KEY, false), broken);
        Connection bad = DriverManager.getConnection(StatsigDriver.PREFIX + "url=" + server.mcpUrl(), apiKey())) {
      try {
        List<Map<String, Object>> tags = rows(bad, "SELECT id, name FROM tags");
        assertThat(tags).isNotEmpty().allSatisfy(t -> assertThat((String) t.get("name")).startsWith("bad ").endsWith("bytes \u00e9"));
      } catch (SQLException e) {
        assertThat(e.getSQLState()).isNotNull();
        assertThat(e.getMessage()).contains("Get_List_of_Tags");
      }
    }
  }

  private static Properties apiKey() {
    Properties properties = new Properties();
    properties.setProperty("apiKey", StatsigEmulator.API_KEY);
    properties.setProperty("timeoutSeconds", "10");
    return properties;
  }
}
