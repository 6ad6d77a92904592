package dev.statsigjdbc.adapter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableCatalogTest {

  @Test
  void shippedCatalogHasTheCuratedTablesWithRemarks() {
    TableCatalog catalog = TableCatalog.load();
    assertThat(catalog.tables()).extracting(TableSpec::name).contains(
        "experiments", "experiment_groups", "experiment_metrics", "experiment_results", "experiment_exposures",
        "gates", "gate_rules", "gate_results", "exposure_counts", "metrics", "metric_values", "dynamic_configs",
        "layers", "segments", "tags", "audit_logs");
    assertThat(catalog.tables()).allSatisfy(table -> {
      assertThat(table.example()).startsWith("SELECT");
      assertThat(table.columns()).allSatisfy(column -> assertThat(column.remarks()).isNotBlank());
    });
  }

  @Test
  void incoherentCatalogIsRejectedWithTheProblem() {
    String doc = """
        {"tables":[{"name":"child","example":"SELECT 1","keys":[{"column":"parent_id"}],
          "plans":[{"when":["nope"],"steps":[{"parent":{"table":"missing","keys":{"id":"parent_id"}}}]}],
          "columns":[{"name":"parent_id","type":"VARCHAR","paths":["p.id"]}]}]}
        """;
    assertThatThrownBy(() -> TableCatalog.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("plan condition nope is not on a key")
        .hasMessageContaining("parent missing must be declared before it");
  }

  @Test
  void aCallMustReadADeclaredOperationAndGiveEveryPathArgument() {
    String doc = """
        {"operations":{"GET /console/v1/gates/{id}":{"summary":"Read Gate"}},
         "tables":[{"name":"t","example":"SELECT 1","keys":[{"column":"id"}],
          "plans":[{"when":["id"],"steps":[{"call":{"operation":"GET /console/v1/gates/{id}","as":"g","args":{"gate":"$key.id"}}}]},
                   {"steps":[{"call":{"operation":"GET /console/v1/nothing","as":"g"}}]}],
          "columns":[{"name":"id","type":"VARCHAR","paths":["g.id"]}]}]}
        """;
    assertThatThrownBy(() -> TableCatalog.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("a call of GET /console/v1/gates/{id} gives no path argument id")
        .hasMessageContaining("operation GET /console/v1/nothing is not declared under operations");
  }

  @Test
  void everyOperationIsAReadWithASummary() {
    assertThat(TableCatalog.load().operations()).isNotEmpty().allSatisfy(op -> {
      assertThat(op.method()).isEqualTo("GET");
      assertThat(op.summary()).isNotBlank();
    });
  }
}
