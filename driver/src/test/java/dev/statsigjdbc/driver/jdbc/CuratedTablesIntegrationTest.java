package dev.statsigjdbc.driver.jdbc;

import static dev.statsigjdbc.driver.jdbc.StatsigEmulator.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each curated table, through jdbc:statsig: over real HTTP, returns what the emulator holds. */
class CuratedTablesIntegrationTest {
  private static StatsigEmulator emulator;
  private static Connection connection;

  @BeforeAll
  static void connect() throws Exception {
    emulator = new StatsigEmulator();
    connection = emulator.connect();
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    emulator.close();
  }

  @Test
  void experimentsAreEveryExperimentOfTheProject() throws Exception {
    List<String> expected = ids(emulator.get("/console/v1/experiments", Map.of(), Map.of("limit", "1000")).path("data"));

    assertThat(column(rows(connection, "SELECT id FROM experiments"), "id")).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private static List<Object> column(List<Map<String, Object>> rows, String name) {
    return rows.stream().map(r -> r.get(name)).toList();
  }
}
