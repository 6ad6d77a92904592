package dev.statsigjdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A join from the parent table supplies a required key, one enclosing row at a time. */
class CorrelatedKeyTest {

  @Test
  void joinOnTheRequiredKeyRunsAsANestedLoop() throws Exception {
    FixtureToolSource source = FixtureToolSource.statsig();
    String query = "SELECT e.id, r.test_group_id, r.metric_id FROM statsig.experiments e "
        + "JOIN statsig.experiment_results r ON r.experiment_id = e.id WHERE e.status = 'active'";
    try (Sql sql = Sql.connect(source)) {
      assertThat(sql.explain(query)).contains("Correlate", "$cor");
      List<Map<String, Object>> rows = sql.rows(query);
      assertThat(rows).extracting(r -> r.get("id") + "/" + r.get("test_group_id"))
          .containsExactlyInAnyOrder("checkout_v2/g_test", "checkout_v2/g_test", "daily_deals/dd_a", "daily_deals/dd_b", "daily_deals/dd_b");
      assertThat(source.calls("Get_Experiment_Overall_Results")).extracting(c -> c.param("path_id").asText())
          .containsOnly("checkout_v2", "daily_deals");
    }
  }

  @Test
  void lateralSubqueryFeedsTheKey() throws Exception {
    FixtureToolSource source = FixtureToolSource.statsig();
    try (Sql sql = Sql.connect(source)) {
      List<Map<String, Object>> rows = sql.rows(
          "SELECT e.id, x.group_id, x.exposures FROM statsig.experiments e, "
              + "LATERAL (SELECT * FROM statsig.experiment_exposures x WHERE x.experiment_id = e.id) x "
              + "WHERE e.id = 'checkout_v2'");
      assertThat(rows).hasSize(6).allSatisfy(r -> assertThat(r.get("id")).isEqualTo("checkout_v2"));
      assertThat(source.calls("Get_Experiment_Cumulative_Exposures")).hasSize(1);
    }
  }
}
