package dev.statsigjdbc.adapter.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.adapter.StatsigOptions;
import dev.statsigjdbc.adapter.catalog.Operation;
import dev.statsigjdbc.adapter.guard.ToolCatalog;
import dev.statsigjdbc.adapter.guard.ToolPolicy;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import dev.statsigjdbc.adapter.testing.V3FixtureToolSource;
import dev.statsigjdbc.adapter.testing.V3FixtureToolSource.ActionNames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** V3's discovery handles, action binding by meaning and the guard's say over each action. */
class V3DialectTest {

  private static final StatsigOptions NO_CACHE = StatsigOptions.defaults().withCacheTtl(Duration.ZERO);

  @Test
  void aHandleIsKeptPerConnectionAndResolvedAgainWhenTheServerRejectsIt() throws Exception {
    V3FixtureToolSource v3 = new V3FixtureToolSource(FixtureToolSource.statsig(), ActionNames.DEFAULT, false);
    try (Sql sql = Sql.connect(v3, NO_CACHE)) {
      List<?> first = sql.rows("SELECT id FROM statsig.layers");
      assertThat(first).isNotEmpty();
      assertThat(v3.calls()).extracting(FixtureToolSource.Call::tool).containsExactly("discover_tools", "discover_tools", "api_read");

      assertThat(sql.rows("SELECT id FROM statsig.layers")).isEqualTo(first);
      assertThat(v3.calls()).as("the kept handle is used again").hasSize(4);

      v3.revokeHandles();
      assertThat(sql.rows("SELECT id FROM statsig.layers")).isEqualTo(first);
      assertThat(v3.calls().subList(4, v3.calls().size())).extracting(c -> c.tool() + " " + c.arguments().path("action").asText())
          .as("rejected, resolved again (the list is kept), read again")
          .containsExactly("api_read ", "discover_tools get", "api_read ");
    }
  }

  @Test
  void anIdThatDoesNotExistIsNoRowAndKeepsTheHandle() throws Exception {
    V3FixtureToolSource v3 = new V3FixtureToolSource(FixtureToolSource.statsig(), ActionNames.DEFAULT, false);
    try (Sql sql = Sql.connect(v3, NO_CACHE)) {
      assertThat(sql.rows("SELECT id FROM statsig.layers WHERE id = 'no_such_layer'")).isEmpty();
      assertThat(sql.rows("SELECT id FROM statsig.layers WHERE id = 'another_missing_layer'")).isEmpty();
      assertThat(v3.calls()).extracting(c -> c.tool() + " " + c.arguments().path("action").asText())
          .containsExactly("discover_tools list", "discover_tools get", "api_read ", "api_read ");
    }
  }

  @Test
  void aHandleAboutToExpireIsResolvedBeforeItIsSent() throws Exception {
    V3FixtureToolSource v3 = new V3FixtureToolSource(FixtureToolSource.statsig(), ActionNames.DEFAULT, false);
    v3.handleTtlMillis(1_000);
    try (Sql sql = Sql.connect(v3, NO_CACHE)) {
      sql.rows("SELECT id FROM statsig.tags");
      sql.rows("SELECT id FROM statsig.tags");
      assertThat(v3.calls("discover_tools")).extracting(c -> c.arguments().path("action").asText())
          .containsExactly("list", "get", "get");
      assertThat(v3.calls("api_read")).hasSize(2)
          .allSatisfy(c -> assertThat(c.arguments().has("confirmation")).isFalse());
    }
  }

  @Test
  void anActionIsBoundByItsDescriptionWhenItsStringSaysNothing() {
    ToolDescriptor tool = new ToolDescriptor("experiment_read", "Reads experiments", """
        {"type":"object","properties":{"action":{"type":"string","oneOf":[
          {"const":"x1","description":"Retrieve Pulse Results for an experiment"},
          {"const":"x2","description":"List Experiments"},
          {"const":"x3","description":"Get Experiment by id"},
          {"const":"x4","description":"Delete an experiment"}]},
          "arguments":{"type":"object"}}}""", null);
    ToolPolicy policy = ToolPolicy.defaults();
    V3Dialect dialect = V3Dialect.bind(ToolCatalog.judge(List.of(tool), policy), policy);
    Operation list = new Operation("GET", "/console/v1/experiments", "List Experiments");
    Operation get = new Operation("GET", "/console/v1/experiments/{id}", "Get Experiment");
    Operation results = new Operation("GET", "/console/v1/experiments/{id}/pulse_results", "Retrieve Pulse Results (Beta)");
    assertThat(dialect.describe(list, java.util.Map.of(), 10)).startsWith("experiment_read{\"action\":\"x2\"");
    assertThat(dialect.describe(get, java.util.Map.of(), null)).startsWith("experiment_read{\"action\":\"x3\"");
    assertThat(dialect.describe(results, java.util.Map.of(), null)).startsWith("experiment_read{\"action\":\"x1\"");
    Operation gates = new Operation("GET", "/console/v1/gates", "List Gates");
    assertThat(dialect.binds(gates)).as("no grouped read covers gates and there is no discovery").isFalse();
  }

  @Test
  void anActionTheGuardBlocksIsNeverBoundEvenWhenItsMeaningFits() {
    ToolDescriptor tool = new ToolDescriptor("experiment_read", "Reads experiments", """
        {"type":"object","properties":{"action":{"type":"string","enum":["list","purge_list"],
          "description":"- list: Archive and list experiments\\n- purge_list: List Experiments"},
          "arguments":{"type":"object"}}}""", null);
    ToolPolicy policy = ToolPolicy.defaults();
    V3Dialect dialect = V3Dialect.bind(ToolCatalog.judge(List.of(tool), policy), policy);
    assertThat(dialect.binds(new Operation("GET", "/console/v1/experiments", "List Experiments"))).isFalse();
  }

  @Test
  void autoFindsTheDialectFromWhatTheServerLists() throws Exception {
    try (Sql v1 = Sql.connect(FixtureToolSource.statsig());
        Sql v3 = Sql.connect(new V3FixtureToolSource(FixtureToolSource.statsig(), ActionNames.ALTERNATE, true))) {
      assertThat(v1.explain("SELECT id FROM statsig.gates")).contains("Get_List_of_Gates{\"params\"");
      assertThat(v3.explain("SELECT id FROM statsig.gates")).contains("gate_read{\"action\":\"list_gates\"");
    }
  }
}
