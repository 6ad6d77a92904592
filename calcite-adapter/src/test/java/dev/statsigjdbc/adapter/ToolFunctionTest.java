package dev.statsigjdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.testing.FixtureToolSource;
import dev.statsigjdbc.adapter.testing.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Any exposed read tool is reachable as {@code TABLE(statsig.tool(name, arguments))}. */
class ToolFunctionTest {

  @Test
  void rowsComeFromTheDataArrayWithScalarColumnsAndRawJson() throws Exception {
    FixtureToolSource source = FixtureToolSource.statsig();
    JsonNode stores = FixtureToolSource.fixtures().get("paramStores");
    try (Sql sql = Sql.connect(source)) {
      List<Map<String, Object>> rows = sql.rows(
          "SELECT id, name, parameter_count, is_enabled, json FROM TABLE(statsig.tool('Get_List_of_Param_Stores', '{\"params\":{}}'))");
      assertThat(rows).hasSize(stores.size());
      for (int i = 0; i < stores.size(); i++) {
        JsonNode store = stores.get(i);
        assertThat(rows.get(i)).containsEntry("id", store.get("id").asText())
            .containsEntry("parameter_count", store.get("parameterCount").asLong())
            .containsEntry("is_enabled", store.get("isEnabled").asBoolean());
        assertThat(FixtureToolSource.MAPPER.readTree((String) rows.get(i).get("json"))).isEqualTo(store);
      }
      assertThat(source.calls("Get_List_of_Param_Stores")).singleElement()
          .satisfies(c -> assertThat(c.arguments().toString()).isEqualTo("{\"params\":{}}"));
      assertThat(sql.explain("SELECT * FROM TABLE(statsig.tool('Get_List_of_Param_Stores', '{\"params\":{}}'))"))
          .contains("ToolResultScan", "Get_List_of_Param_Stores{\"params\":{}}");
      assertThatThrownBy(() -> sql.rows("SELECT * FROM TABLE(statsig.tool('Get_List_of_Param_Stores', 'not json'))"))
          .hasStackTraceContaining("must be a JSON object");
    }
  }
}
