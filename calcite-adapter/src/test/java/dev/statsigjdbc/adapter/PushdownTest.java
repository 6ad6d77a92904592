package dev.statsigjdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.FixtureToolSource.NextPageStyle;
import dev.statsigjdbc.adapter.testing.Sql;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pushdown proven by counting tool calls per query; EXPLAIN shows the calls. */
class PushdownTest {

  private static final String LIST = "Get_List_of_Experiments";
  private static final String GET = "Get_Experiment_Details_by_ID";

  private FixtureToolSource source = FixtureToolSource.statsig();
  private Sql sql;

  @AfterEach
  void close() throws Exception {
    if (sql != null) {
      sql.close();
    }
  }

  private Sql sql() throws SQLException {
    if (sql == null) {
      sql = Sql.connect(source);
    }
    return sql;
  }

  /** A connection that asks for Statsig's default page of 100, to see paging at work on a few hundred records. */
  private Sql pagesOf100() throws SQLException {
    sql = Sql.connect(source, StatsigOptions.defaults().withPageSize(100));
    return sql;
  }

  /** 250 generated experiments: three pages of 100. */
  private static ArrayNode manyExperiments() {
    ArrayNode records = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 250; i++) {
      records.addObject().put("id", "exp_" + i).put("name", "Experiment " + i).put("status", i % 2 == 0 ? "active" : "setup");
    }
    return records;
  }

  @Test
  void idEqualsUsesTheGetToolOnly() throws Exception {
    List<Map<String, Object>> rows = sql().rows("SELECT id, name FROM statsig.experiments WHERE id = 'daily_deals'");
    assertThat(rows).containsExactly(Map.of("id", "daily_deals", "name", "Daily Deals Carousel"));
    assertThat(source.calls(GET)).hasSize(1);
    assertThat(source.calls(GET).get(0).param("path_id").asText()).isEqualTo("daily_deals");
    assertThat(source.calls(LIST)).isEmpty();
  }

  @Test
  void idInListMakesOneGetCallPerId() throws Exception {
    List<Map<String, Object>> rows = sql().rows(
        "SELECT id FROM statsig.experiments WHERE id IN ('checkout_v2', 'search_rank', 'no_such_experiment')");
    assertThat(rows).extracting(r -> r.get("id")).containsExactlyInAnyOrder("checkout_v2", "search_rank");
    assertThat(source.calls(GET)).extracting(c -> c.param("path_id").asText())
        .containsExactlyInAnyOrder("checkout_v2", "search_rank", "no_such_experiment");
    assertThat(source.calls(LIST)).isEmpty();
  }

  @Test
  void statusFilterBecomesAQueryArgumentAndIsStillApplied() throws Exception {
    // The fixture list tool ignores query_status: Calcite must still filter.
    List<Map<String, Object>> rows = sql().rows("SELECT id FROM statsig.experiments WHERE status = 'active'");
    assertThat(rows).extracting(r -> r.get("id")).containsExactly("checkout_v2", "daily_deals");
    assertThat(source.calls(LIST)).singleElement()
        .satisfies(c -> assertThat(c.param("query_status").asText()).isEqualTo("active"));
  }

  @Test
  void otherPredicatesNextToTheKeyAreStillApplied() throws Exception {
    assertThat(sql().rows("SELECT id FROM statsig.experiments WHERE id = 'daily_deals' AND name LIKE 'Check%'")).isEmpty();
    assertThat(sql().rows("SELECT id FROM statsig.experiments WHERE id = 'daily_deals' OR name = 'Dark Mode'"))
        .extracting(r -> r.get("id")).containsExactly("daily_deals", "dark_mode_exp");
  }

  @Test
  void limitStopsPagingAndShrinksThePage() throws Exception {
    source.list(LIST, "experiments", manyExperiments(), NextPageStyle.RELATIVE);
    List<Map<String, Object>> rows = sql().rows("SELECT * FROM statsig.experiments LIMIT 10");
    assertThat(rows).hasSize(10);
    assertThat(source.calls(LIST)).singleElement().satisfies(c -> {
      assertThat(c.param("query_limit").asInt()).isEqualTo(10);
      assertThat(c.param("query_page").asInt()).isEqualTo(1);
    });
  }

  @Test
  void limitAboveAFilterStillStopsEarly() throws Exception {
    source.list(LIST, "experiments", manyExperiments(), NextPageStyle.RELATIVE);
    assertThat(sql().rows("SELECT id FROM statsig.experiments WHERE name LIKE 'Experiment%' LIMIT 5")).hasSize(5);
    assertThat(source.calls(LIST)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(NextPageStyle.class)
  void everyPageIsReadWhateverTheNextPageStyle(NextPageStyle style) throws Exception {
    ArrayNode all = manyExperiments();
    source.list(LIST, "experiments", all, style);
    List<Map<String, Object>> rows = pagesOf100().rows("SELECT id FROM statsig.experiments");
    assertThat(rows).extracting(r -> r.get("id"))
        .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(all.spliterator(), false)
            .map(e -> e.get("id").asText()).toList());
    assertThat(source.calls(LIST)).extracting(c -> c.param("query_page").asInt()).containsExactly(1, 2, 3);
  }

  @Test
  void aScanAsksForLargePagesByDefault() throws Exception {
    source.list(LIST, "experiments", manyExperiments(), NextPageStyle.RELATIVE);
    assertThat(sql().rows("SELECT id FROM statsig.experiments")).hasSize(250);
    assertThat(source.calls(LIST)).extracting(c -> c.param("query_limit").asInt()).containsExactly(StatsigOptions.DEFAULT_PAGE_SIZE);
  }

  /** A server that serves 40 per page whatever was asked, numbering its pages at 40, and gives no total. */
  @ParameterizedTest
  @EnumSource(value = NextPageStyle.class, names = {"RELATIVE", "NO_TOTAL"})
  void aCappedServerIsReadAtItsCapEveryRowOnce(NextPageStyle style) throws Exception {
    ArrayNode all = manyExperiments();
    source.tool(dev.statsigjdbc.adapter.source.ToolDescriptor.of(LIST, "Lists experiments"), params -> FixtureToolSource.page(
        "experiments", all, params.path("query_page").asInt(1), Math.min(40, params.path("query_limit").asInt(100)), style));
    List<Map<String, Object>> rows = sql().rows("SELECT id FROM statsig.experiments");
    assertThat(rows).extracting(r -> r.get("id"))
        .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(all.spliterator(), false)
            .map(e -> e.get("id").asText()).toList());
    assertThat(source.calls(LIST)).extracting(c -> c.param("query_limit").asInt()).first().isEqualTo(1000);
    assertThat(source.calls(LIST)).extracting(c -> c.param("query_page").asInt())
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void pagesReadAheadStillComeOnceEachAndInOrder() throws Exception {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 1050; i++) {
      all.addObject().put("id", "exp_" + i).put("name", "Experiment " + i).put("status", "active");
    }
    source.list(LIST, "experiments", all, NextPageStyle.RELATIVE);

    List<Map<String, Object>> rows = pagesOf100().rows("SELECT id FROM statsig.experiments");

    assertThat(rows).extracting(r -> r.get("id"))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 1050).mapToObj(i -> "exp_" + i).toList());
    assertThat(source.calls(LIST)).extracting(c -> c.param("query_page").asInt())
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void aPageExactlyAtTheEndDoesNotCostAnotherCall() throws Exception {
    ArrayNode exactly200 = manyExperiments();
    while (exactly200.size() > 200) {
      exactly200.remove(exactly200.size() - 1);
    }
    source.list(LIST, "experiments", exactly200, NextPageStyle.RELATIVE);
    assertThat(pagesOf100().rows("SELECT id FROM statsig.experiments")).hasSize(200);
    assertThat(source.calls(LIST)).hasSize(2);
  }

  @Test
  void explainShowsToolAndPushedArguments() throws Exception {
    String byId = sql().explain("SELECT * FROM statsig.experiments WHERE id IN ('checkout_v2', 'daily_deals')");
    assertThat(byId).contains("StatsigTableScan", GET + "{\"params\":{\"path_id\":\"checkout_v2\"}}",
        GET + "{\"params\":{\"path_id\":\"daily_deals\"}}");
    assertThat(byId).doesNotContain(LIST);

    String limited = sql().explain("SELECT * FROM statsig.experiments WHERE status = 'active' LIMIT 10");
    assertThat(limited).contains(LIST, "\"query_status\":\"active\"");
    String plain = sql().explain("SELECT * FROM statsig.experiments LIMIT 10");
    assertThat(plain).contains(LIST, "\"query_limit\":10");
    assertThat(source.calls()).isEmpty();
  }

  @Test
  void requiredInputMissingNamesTheColumnAndShowsAnExample() {
    assertThatThrownBy(() -> sql().rows("SELECT * FROM statsig.experiment_results"))
        .hasMessageContaining("experiment_id")
        .hasMessageContaining("WHERE experiment_id = 'checkout_v2'");
    assertThatThrownBy(() -> sql().rows("SELECT * FROM statsig.metric_values WHERE metric_id = 'Purchase::user_warehouse'"))
        .hasMessageContaining("column ds")
        .hasMessageContaining("BETWEEN DATE");
    assertThatThrownBy(() -> sql().rows(
        "SELECT * FROM statsig.metric_values WHERE metric_id = 'Purchase::user_warehouse' AND ds >= DATE '2024-09-01'"))
        .hasMessageContaining("bounded range");
    assertThat(source.calls()).isEmpty();
  }
}
