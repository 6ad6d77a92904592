package dev.statsigjdbc.adapter.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import dev.statsigjdbc.adapter.testing.V3FixtureToolSource;
import dev.statsigjdbc.adapter.testing.V3FixtureToolSource.ActionNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every curated table gives the same rows through a V3-shaped server as through V1, whatever
 * the action strings (plain, another vocabulary, opaque and reordered) and whether answers come
 * as JSON text or structured content; grouped reads cost as many calls as V1's tools.
 */
class DialectEquivalenceTest {

  /** Every table's example, every table that needs no key in full, and a paged read that stops early. */
  static List<String> queries() {
    List<String> queries = new ArrayList<>();
    for (TableSpec table : TableCatalog.load().tables()) {
      queries.add(table.example());
      if (table.keys().stream().noneMatch(k -> k.required())) {
        queries.add("SELECT * FROM statsig." + table.name());
      }
    }
    queries.add("SELECT id FROM statsig.experiments WHERE status = 'active' LIMIT 3");
    queries.add("SELECT id, name FROM statsig.experiments WHERE id IN ('checkout_v2', 'daily_deals')");
    return queries;
  }

  /** The V1 fixtures with a tool for every operation the catalog reads (V3's discovery offers them all). */
  static FixtureToolSource v1() {
    JsonNode fx = FixtureToolSource.fixtures();
    ArrayNode rules = JsonNodeFactory.instance.arrayNode();
    fx.get("gates").forEach(g -> rules.add(JsonNodeFactory.instance.objectNode().put("id", g.get("id").asText())
        .set("rules", g.get("rules"))));
    return FixtureToolSource.statsig()
        .get("Get_Tag_by_ID", (ArrayNode) fx.get("tags"))
        .get("Get_Gate_Rules", rules);
  }

  static Stream<Arguments> servers() {
    return Stream.of(Arguments.of(ActionNames.DEFAULT, false), Arguments.of(ActionNames.ALTERNATE, true),
        Arguments.of(ActionNames.SHUFFLED, false), Arguments.of(ActionNames.SHUFFLED, true));
  }

  @ParameterizedTest(name = "action names {0}, structured content {1}")
  @MethodSource("servers")
  void everyTableGivesTheSameRowsAsThroughV1(ActionNames names, boolean structured) throws Exception {
    FixtureToolSource v1 = v1();
    V3FixtureToolSource v3 = new V3FixtureToolSource(v1(), names, structured);
    try (Sql viaV1 = Sql.connect(v1); Sql viaV3 = Sql.connect(v3)) {
      int nonEmpty = 0;
      for (String query : queries()) {
        List<Map<String, Object>> expected = viaV1.rows(query);
        assertThat(viaV3.rows(query)).as(query).isEqualTo(expected);
        nonEmpty += expected.isEmpty() ? 0 : 1;
      }
      assertThat(nonEmpty).as("queries with rows").isGreaterThanOrEqualTo(queries().size() - 2);
    }
    assertThat(v3.calls()).extracting(FixtureToolSource.Call::tool)
        .as("no write tool is ever called").doesNotContain("api_write", "api_destructive", "gate_create", "experiment_update");
    long reads = v3.calls().stream().filter(c -> !c.tool().equals("discover_tools")).count();
    assertThat(reads).as("one V3 read per V1 call").isEqualTo(v1.calls().size());
    long handles = v3.calls("api_read").stream().map(c -> c.arguments().path("operationHandle").asText()).distinct().count();
    assertThat(v3.calls("discover_tools")).as("discovery: the operation list once per connection, then one get per operation")
        .hasSize(handles == 0 ? 0 : 1 + (int) handles);
  }

  @ParameterizedTest(name = "action names {0}")
  @MethodSource("names")
  void explainShowsTheRealV3Calls(ActionNames names) throws Exception {
    V3FixtureToolSource v3 = new V3FixtureToolSource(v1(), names, false);
    try (Sql sql = Sql.connect(v3, StatsigOptions.defaults().withDialect(DialectMode.V3))) {
      String plan = sql.explain("SELECT id FROM statsig.experiments WHERE status = 'active'");
      assertThat(plan).contains("experiment_read{\"action\":\"", "\"arguments\":{\"params\":{\"query_status\":\"active\"",
          "\"query_page\":\"1..\"");
      assertThat(sql.explain("SELECT id FROM statsig.tags"))
          .contains("discover_tools{\"action\":\"list\"} -> discover_tools{\"action\":\"get\"", "api_read{\"operationHandle\"");
      sql.rows("SELECT id FROM statsig.tags");
      assertThat(sql.explain("SELECT id FROM statsig.tags")).as("the handle is known now: only the read is left")
          .contains("calls=[api_read{\"operationHandle\"").doesNotContain("discover_tools");
      assertThat(sql.explain("SELECT id FROM statsig.segments")).as("the operation list is known now")
          .contains("calls=[discover_tools{\"action\":\"get\",\"operationId\":\"get_console_v_segments\"}");
    }
  }

  static Stream<ActionNames> names() {
    return Stream.of(ActionNames.values());
  }
}
