package dev.statsigjdbc.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.assistant.sql.Sql;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the LLM planner accepts from a model: one read-only query over known tables, nothing else. */
class ModelSqlTest {
  private final ModelSql check = new ModelSql(Set.of("statsig.experiments", "statsig.experiment_results", "finance.orders"));

  @Test
  void aFencedQueryWithATrailingSemicolonIsAccepted() {
    String sql = Sql.render(check.check("Here you go:\n```sql\nSELECT \"id\" FROM \"statsig\".\"experiments\";\n```"));
    assertThat(sql).contains("\"statsig\".\"experiments\"");
  }

  @Test
  void joinsAndSubqueriesOverKnownTablesAreAccepted() {
    check.check("SELECT e.\"id\" FROM \"statsig\".\"experiments\" AS e JOIN \"statsig\".\"experiment_results\" r"
        + " ON r.\"experiment_id\" = e.\"id\""
        + " WHERE e.\"id\" IN (SELECT \"experiment_id\" FROM \"statsig\".\"experiment_results\")");
  }

  @Test
  void aTableInASubqueryMustExistToo() {
    assertThatThrownBy(() -> check.check("SELECT \"id\" FROM \"statsig\".\"experiments\" WHERE \"id\" IN"
        + " (SELECT \"id\" FROM \"statsig\".\"secrets\")")).hasMessageStartingWith("Unknown table(s) [statsig.secrets]");
  }

  @Test
  void attachedTablesAreKnownByTheirSchemaAndTheSchemaMustMatch() {
    check.check("SELECT g.\"id\", SUM(o.\"revenue\") FROM \"statsig\".\"experiments\" g"
        + " JOIN \"finance\".\"orders\" o ON o.\"experiment_id\" = g.\"id\" GROUP BY g.\"id\"");
    check.check("SELECT \"revenue\" FROM \"orders\"");
    assertThatThrownBy(() -> check.check("SELECT \"revenue\" FROM \"statsig\".\"orders\""))
        .hasMessageStartingWith("Unknown table(s) [statsig.orders]");
  }

  @Test
  void writesAndSecondStatementsAreRefused() {
    assertThatThrownBy(() -> check.check("UPDATE \"statsig\".\"experiments\" SET \"status\" = 'abandoned'"))
        .hasMessageContaining("Only a read-only query");
    assertThatThrownBy(() -> check.check(
        "SELECT 1 FROM \"statsig\".\"experiments\"; DELETE FROM \"statsig\".\"experiments\""))
        .hasMessageStartingWith("Not valid SQL");
    assertThatThrownBy(() -> check.check("  ")).hasMessageContaining("empty");
  }
}
