package dev.statsigjdbc.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.assistant.llm.LlmPlanner;
import dev.statsigjdbc.assistant.llm.LlmProvider;
import dev.statsigjdbc.assistant.llm.LlmSettings;
import dev.statsigjdbc.assistant.llm.ScriptedModelServer;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.OfflinePlanner;
import dev.statsigjdbc.assistant.plan.SchemaDescription;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assistant over a connection with an embedded H2 database attached as {@code finance}
 * (orders of the checkout experiment's users): the tables are in the model's prompt and the
 * offline planner answers the cross-source question by joining them with Statsig's groups.
 */
class AttachedTablesTest {
  private static final String QUESTION = "Revenue per user by checkout experiment group";
  // Calcite's JDBC adapter passes the attached database's table and column names and types, not its remarks.

  /** The query docs/attach.md gives for this question, written by hand. */
  private static final String EXPECTED = "SELECT g.name, SUM(o.revenue) / COUNT(DISTINCT o.user_id)"
      + " FROM statsig.experiment_groups g JOIN finance.orders o ON o.group_id = g.group_id"
      + " WHERE g.experiment_id = 'checkout_v2' AND o.experiment_id = 'checkout_v2' GROUP BY g.name ORDER BY g.name";
  private static Connection finance;
  private static Connection connection;

  @BeforeAll
  static void attach() throws Exception {
    String url = "jdbc:h2:mem:assistant-finance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    finance = DriverManager.getConnection(url, "sa", "");
    try (Statement s = finance.createStatement()) {
      s.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, user_id VARCHAR(64), experiment_id VARCHAR(128),"
          + " group_id VARCHAR(128), revenue DECIMAL(10, 2))");
      // Other experiments' orders must not count.
      s.execute("INSERT INTO orders VALUES (1, 'someone', 'guest_checkout', 'whatever', 999.00)");
    }
    List<String> groups = new ArrayList<>();
    try (Statement s = DemoConnection.connection().createStatement(); ResultSet rows = s.executeQuery(
        "SELECT group_id FROM statsig.experiment_groups WHERE experiment_id = 'checkout_v2' ORDER BY group_id")) {
      while (rows.next()) {
        groups.add(rows.getString(1));
      }
    }
    assertThat(groups).hasSizeGreaterThanOrEqualTo(2);
    int id = 10;
    try (PreparedStatement insert = finance.prepareStatement("INSERT INTO orders VALUES (?, ?, 'checkout_v2', ?, ?)")) {
      for (int g = 0; g < groups.size(); g++) {
        for (int user = 0; user < 3 + g; user++) {
          for (int order = 0; order <= user % 2; order++) {
            insert.setInt(1, id++);
            insert.setString(2, groups.get(g) + "-user-" + user);
            insert.setString(3, groups.get(g));
            insert.setBigDecimal(4, BigDecimal.valueOf(20 + 5 * g + user));
            insert.executeUpdate();
          }
        }
      }
    }
    Properties attach = new Properties();
    attach.setProperty("attach.finance.url", url);
    attach.setProperty("attach.finance.user", "sa");
    connection = DemoConnection.connection(attach);
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
    finance.close();
  }

  private static List<List<Object>> expected() throws Exception {
    try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(EXPECTED)) {
      return ResultTable.read(rows).rows();
    }
  }

  @Test
  void theAttachedTableIsDescribedWithItsColumnsAndRemarks() throws Exception {
    SchemaDescription tables = SchemaDescription.read(connection);

    SchemaDescription.Table orders = tables.attached().stream()
        .filter(t -> t.name().equalsIgnoreCase("orders")).findFirst().orElseThrow();
    assertThat(orders.schema()).isEqualTo("finance");
    assertThat(orders.column("revenue")).get().satisfies(c -> assertThat(c.numeric()).isTrue());
    assertThat(orders.column("group_id")).isPresent();
    assertThat(tables.qualifiedNames()).contains("finance.orders", "statsig.experiment_groups");
    assertThat(tables.asText()).contains("\"finance\".\"ORDERS\"\n").contains("  \"REVENUE\" DECIMAL(10, 2)\n");
  }

  @Test
  void theOfflinePlannerAnswersRevenuePerUserByGroupAcrossBothSources() throws Exception {
    Answer answer = new Assistant(connection, new OfflinePlanner(), DemoConnection.CLOCK).ask(QUESTION);

    assertThat(answer.plan().intent()).isEqualTo(Intent.JOINED_BY_GROUP);
    assertThat(answer.sql()).contains("\"finance\"").contains("\"statsig\".\"experiment_groups\"");
    List<List<Object>> expected = expected();
    assertThat(answer.table().rows()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(answer.table().text(i, "experiment_group")).isEqualTo(expected.get(i).get(0).toString());
      assertThat(answer.table().number(i, "revenue_per_user"))
          .isCloseTo(((Number) expected.get(i).get(1)).doubleValue(), org.assertj.core.data.Offset.offset(0.005));
    }
    assertThat(answer.chart().kind()).isEqualTo(ChartSpec.Kind.BAR);
    assertThat(answer.summary()).startsWith("revenue_per_user by group of checkout_v2: ").contains("against control");
    assertThat(answer.caveats()).anySatisfy(c -> assertThat(c).contains("finance.orders"));
  }

  @Test
  void withoutAnAttachedDatabaseTheSameQuestionReadsStatsigsResults() throws Exception {
    Answer answer = DemoConnection.assistant().ask(QUESTION);

    assertThat(answer.plan().intent()).isNotEqualTo(Intent.JOINED_BY_GROUP);
    assertThat(answer.sql()).doesNotContain("finance");
  }

  @Test
  void theModelSeesTheAttachedTableAndItsJoinRuns() throws Exception {
    try (ScriptedModelServer model = ScriptedModelServer.start()) {
      model.reply("```sql\n" + EXPECTED + "\n```");
      LlmSettings settings = LlmSettings.fromEnvironment(model.environment(LlmProvider.OPENAI, "sk-x")).orElseThrow();

      Answer answer = new Assistant(connection, LlmPlanner.over(settings), DemoConnection.CLOCK).ask(QUESTION);

      assertThat(answer.plan().intent()).isEqualTo(Intent.MODEL_SQL);
      assertThat(answer.table().rows()).isEqualTo(expected());
      String prompt = model.received().get(0).conversation();
      assertThat(prompt).containsIgnoringCase("\"finance\".\"orders\"").containsIgnoringCase("\"revenue\"")
          .contains("company's own databases");
    }
  }
}
