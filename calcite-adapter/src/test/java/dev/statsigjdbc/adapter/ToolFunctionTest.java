package dev.statsigjdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.source.ToolAnnotations;
import dev.statsigjdbc.adapter.source.ToolContent;
import dev.statsigjdbc.adapter.source.ToolDescriptor;
import dev.statsigjdbc.adapter.source.ToolResult;
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

  /** Any MCP server: whatever a tool answers becomes rows, and a rejected call shows the tool's input schema. */
  @Test
  void textStructuredContentImagesAndLinksOfAnyToolBecomeRows() throws Exception {
    FixtureToolSource source = new FixtureToolSource()
        .tool(new ToolDescriptor("echo", "Says it back", null, new ToolAnnotations(true, null, null, null)),
            args -> ToolResult.success("hello, not JSON"))
        .tool(ToolDescriptor.of("get_weather", "Weather"), args -> ToolResult.of("It is sunny.", false,
            FixtureToolSource.MAPPER.createObjectNode().put("city", "Oslo").put("celsius", 21), List.of()))
        .tool(ToolDescriptor.of("get_chart", "A chart"), args -> ToolResult.of("", false, null, List.of(
            new ToolContent("image", "image/png", null, null, 68L),
            new ToolContent("resource_link", "text/csv", "file:///data/sales.csv", "sales.csv", null))))
        .tool(new ToolDescriptor("search_items", "Search",
            "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}", null),
            args -> ToolResult.error("{\"status\":400,\"message\":\"query is required\"}"));
    try (Sql sql = Sql.connect(source)) {
      assertThat(sql.rows("SELECT type, text FROM TABLE(statsig.tool('echo', '{}'))"))
          .containsExactly(Map.of("type", "text", "text", "hello, not JSON"));
      assertThat(sql.rows("SELECT city, celsius FROM TABLE(statsig.tool('get_weather', '{\"city\":\"Oslo\"}'))"))
          .as("structured content wins over the text").containsExactly(Map.of("city", "Oslo", "celsius", 21L));
      assertThat(sql.rows("SELECT type, mime_type, uri, name, size FROM TABLE(statsig.tool('get_chart'))"))
          .extracting(r -> r.get("type") + " " + r.get("mime_type") + " " + r.get("uri") + " " + r.get("name") + " " + r.get("size"))
          .containsExactly("image image/png null null 68", "resource_link text/csv file:///data/sales.csv sales.csv null");
      assertThatThrownBy(() -> sql.rows("SELECT * FROM TABLE(statsig.tool('search_items', '{}'))"))
          .hasStackTraceContaining("query is required")
          .hasStackTraceContaining("The tool's input schema: {\"type\":\"object\",\"properties\":{\"query\"");
    }
  }
}
