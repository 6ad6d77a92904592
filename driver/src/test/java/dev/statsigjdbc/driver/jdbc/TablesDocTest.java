package dev.statsigjdbc.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.adapter.catalog.CallSpec;
import dev.statsigjdbc.adapter.catalog.ColumnSpec;
import dev.statsigjdbc.adapter.catalog.ColumnType;
import dev.statsigjdbc.adapter.catalog.KeySpec;
import dev.statsigjdbc.adapter.catalog.PlanSpec;
import dev.statsigjdbc.adapter.catalog.StepSpec;
import dev.statsigjdbc.adapter.catalog.TableCatalog;
import dev.statsigjdbc.adapter.catalog.TableSpec;
import dev.statsigjdbc.adapter.dialect.V1Dialect;
import dev.statsigjdbc.emulator.EmulatorConfig;
import dev.statsigjdbc.emulator.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/tables.md is generated from the table catalog ({@code statsig-tables.json}): run with
 * {@code -Dstatsig.updateDocs=true} to rewrite it after changing the catalog. Every example query
 * in it runs against the emulator.
 */
class TablesDocTest {
  private static final Path DOC = Path.of("..", "docs", "tables.md");

  @Test
  void theTableReferenceMatchesTheCatalog() throws Exception {
    String expected = document(TableCatalog.load());
    String doc = Files.exists(DOC) ? Files.readString(DOC) : "";
    if (Boolean.getBoolean("statsig.updateDocs")) {
      Files.writeString(DOC, expected);
      doc = expected;
    }

    assertThat(doc).as("docs/tables.md is out of date: run TablesDocTest with -Dstatsig.updateDocs=true").isEqualTo(expected);
  }

  @Test
  void everyExampleQueryRunsAgainstTheEmulator() throws Exception {
    // Extra tools: the emulator publishes Get_Exposure_Count only when asked (the hosted server's set is not known).
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults().port(0).today(StatsigEmulator.TODAY)
            .extraTools(true).apiKey(StatsigEmulator.API_KEY, false));
        Connection connection = DriverManager.getConnection(
            StatsigDriver.PREFIX + "url=" + server.mcpUrl() + ";apiKey=" + StatsigEmulator.API_KEY)) {
      for (TableSpec table : TableCatalog.load().tables()) {
        try (Statement statement = connection.createStatement()) {
          statement.executeQuery(table.example()).close();
        }
      }
    }
  }

  static String document(TableCatalog catalog) {
    List<TableSpec> tables = catalog.tables();
    StringBuilder doc = new StringBuilder();
    doc.append("# Tables\n\n")
        .append("<!-- Generated from statsig-tables.json by TablesDocTest: edit the catalog, then run\n")
        .append("     mvn -o -q -pl driver -am test -Dtest=TablesDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dstatsig.updateDocs=true -->\n\n")
        .append("The curated tables of schema `statsig` (the default schema), generated from the table catalog\n")
        .append("`calcite-adapter/src/main/resources/dev/statsigjdbc/adapter/catalog/statsig-tables.json`.\n")
        .append("A table is there when the server offers a read of every Console API operation of at least one\n")
        .append("of its plans (`SELECT * FROM statsig_tools` shows what the server publishes); a query of one that is not\n")
        .append("there fails with `42S02` naming the operations it needs. `DatabaseMetaData.getColumns` gives the same remarks.\n\n")
        .append("- **Reads**: the Console API operations that produce the rows; the first plan whose filters the\n")
        .append("  query gives wins. On a V1 server each operation is one tool (`A` / `B`: `B` is used when the\n")
        .append("  server publishes `B` but not `A`: tool names drift). On a V3 server it is the grouped read\n")
        .append("  (`experiment_read`, `gate_read`, ...) whose `action` means the operation, else `discover_tools`\n")
        .append("  + `api_read`. `EXPLAIN PLAN FOR <query>` shows the exact tool calls.\n")
        .append("- **Filters**: the columns whose `WHERE` values reach the operation, as the path or query argument\n")
        .append("  named (others are applied to the rows after they arrive). A *required* one must be in the query, or in a join that feeds it\n")
        .append("  (`FROM experiments e JOIN experiment_results r ON r.experiment_id = e.id`); `RANGE` is a\n")
        .append("  bounded date range (`ds BETWEEN DATE '...' AND DATE '...'`), one call per day.\n")
        .append("- **Types**: `JSON` columns are `VARCHAR` holding JSON text (use `JSON_VALUE`); `TIMESTAMP`\n")
        .append("  comes from epoch milliseconds; every column is nullable.\n\n");
    doc.append(tables.stream().map(t -> "[" + t.name() + "](#" + t.name() + ")").collect(Collectors.joining(" · ")))
        .append(" · [statsig_tools](#statsig_tools)\n");
    for (TableSpec table : tables) {
      doc.append("\n## ").append(table.name()).append("\n\n").append(table.remarks()).append("\n\n");
      doc.append("**Reads**\n\n");
      for (PlanSpec plan : table.plans()) {
        doc.append("- ").append(condition(plan, table.plans().size())).append(": ").append(steps(catalog, plan)).append('\n');
      }
      if (!table.keys().isEmpty()) {
        doc.append("\n**Filters**\n\n| column | operators | required | sent as |\n| --- | --- | --- | --- |\n");
        for (KeySpec key : table.keys()) {
          doc.append("| `").append(key.column()).append("` | ").append(String.join(", ", key.operators()))
              .append(key.maxValues() == null ? "" : " (at most " + key.maxValues() + " values)")
              .append(" | ").append(key.required() ? "**yes**" : "no")
              .append(" | ").append(sentAs(table, key.column())).append(" |\n");
        }
      }
      doc.append("\n**Example**\n\n```sql\n").append(table.example()).append(";\n```\n");
      doc.append("\n**Columns**\n\n| column | type | remarks |\n| --- | --- | --- |\n");
      for (ColumnSpec column : table.columns()) {
        doc.append("| `").append(column.name()).append("` | ").append(type(column.type())).append(" | ")
            .append(column.remarks() == null ? "" : column.remarks().replace("|", "\\|")).append(" |\n");
      }
    }
    doc.append("\n## statsig_tools\n\n")
        .append("A SYSTEM TABLE: every tool the server lists, whether SQL may call it (`exposed`) and why\n")
        .append("(`reason`: a read by its name or `readOnlyHint`, or blocked: a write word, not known to read, a\n")
        .append("`destructiveHint`, a `confirmation` in its input, `blockTools`, ...). A grouped tool (V3's\n")
        .append("`experiment_read`) also has one row per `action`; `action` is null on the tool's own row.\n")
        .append("Exposed tools can also be called directly: `SELECT * FROM TABLE(statsig.tool('<tool>', '<json arguments>'))`.\n\n")
        .append("```sql\nSELECT name, exposed, reason FROM statsig_tools ORDER BY exposed DESC, name;\n```\n\n")
        .append("| column | type |\n| --- | --- |\n| `name` | VARCHAR |\n| `action` | VARCHAR |\n| `exposed` | BOOLEAN |\n| `reason` | VARCHAR |\n")
        .append("| `description` | VARCHAR |\n| `input_schema` | VARCHAR (JSON) |\n");
    return doc.toString();
  }

  private static String condition(PlanSpec plan, int plans) {
    if (plan.when().isEmpty()) {
      return plans == 1 ? "always" : "otherwise";
    }
    return "with " + plan.when().stream().map(w -> "`" + w.replace("=", " = ") + "`").collect(Collectors.joining(" and "));
  }

  private static String steps(TableCatalog catalog, PlanSpec plan) {
    List<String> parts = new ArrayList<>();
    for (StepSpec step : plan.steps()) {
      if (step.call() != null) {
        CallSpec call = step.call();
        parts.add("`" + call.operation() + "`" + (call.paged() ? " (paged)" : "")
            + (call.batch() == null ? "" : " (" + call.batchSize() + " ids per call)") + " (V1: "
            + V1Dialect.toolNames(catalog.operation(call)).stream().map(t -> "`" + t + "`").collect(Collectors.joining(" / ")) + ")");
      } else if (step.parent() != null) {
        boolean byKey = step.parent().keys().values().stream().anyMatch(plan.when()::contains);
        parts.add("rows of [" + step.parent().table() + "](#" + step.parent().table() + ")"
            + (byKey ? " looked up by " + String.join(", ", step.parent().keys().keySet()) : ""));
      }
    }
    return String.join(", then per row ", parts);
  }

  /** The tool arguments a key column's values go to. */
  private static String sentAs(TableSpec table, String column) {
    Set<String> arguments = new LinkedHashSet<>();
    Set<String> parents = new LinkedHashSet<>();
    for (PlanSpec plan : table.plans()) {
      for (StepSpec step : plan.steps()) {
        if (step.call() != null) {
          CallSpec call = step.call();
          for (Map.Entry<String, JsonNode> arg : call.args().entrySet()) {
            String value = arg.getValue().asText();
            if (value.equals("$key." + column) || value.equals("$batch") && column.equals(call.batch())) {
              arguments.add(arg.getKey());
            }
          }
          if (call.pushdown().containsKey(column)) {
            arguments.add(call.pushdown().get(column));
          }
        } else if (step.parent() != null) {
          step.parent().keys().forEach((parentKey, key) -> {
            if (key.equals(column)) {
              parents.add(step.parent().table() + "." + parentKey);
            }
          });
        }
      }
      if (plan.when().stream().anyMatch(w -> w.startsWith(column + "="))) {
        arguments.add("chooses the plan");
      }
    }
    List<String> out = new ArrayList<>(arguments.stream().map(a -> a.contains(" ") ? a : "`" + a + "`").toList());
    parents.forEach(p -> out.add("[" + p.substring(0, p.indexOf('.')) + "](#" + p.substring(0, p.indexOf('.')) + ")`."
        + p.substring(p.indexOf('.') + 1) + "`"));
    return String.join(", ", out);
  }

  private static String type(ColumnType type) {
    return type == ColumnType.JSON ? "VARCHAR (JSON)" : type.sqlType().getName();
  }
}
