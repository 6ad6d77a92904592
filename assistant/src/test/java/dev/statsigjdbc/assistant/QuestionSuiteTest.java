package dev.statsigjdbc.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.emulator.api.ApiCall;
import dev.statsigjdbc.assistant.plan.Intent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Questions over the emulator's demo data (today = 2026-11-25). Each expected result comes from a
 * query written by hand here, run over the same data; a question counts as right when the
 * planner picked the intent and its answer's rows (on the listed columns) equal the expected rows.
 */
class QuestionSuiteTest {
  private static final double REQUIRED_SCORE = 0.9;

  /** A question, the intent it must be read as, its expected rows, and the answer columns they must match. */
  record Case(String question, Intent intent, Expected expected, String... columns) {
    Case(String question, Intent intent, String expectedSql, String... columns) {
      this(question, intent, connection -> {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(expectedSql)) {
          return rows(ResultTable.read(rs), null);
        }
      }, columns);
    }
  }

  /** Expected rows as normalized text, computed from the emulator's data. */
  interface Expected {
    List<String> rows(Connection connection) throws Exception;
  }

  /** Ids of the entities at a Console API list path whose tags include the tag, straight from the emulator's model. */
  static Expected consoleTagged(String path, String tag, boolean countOnly) {
    return connection -> {
      JsonNode page = DemoConnection.emulator().consoleApi().call(new ApiCall("GET", path, Map.of(),
          Map.of("limit", IntNode.valueOf(1000)), null));
      List<String> ids = new ArrayList<>();
      for (JsonNode e : page.path("data")) {
        for (JsonNode t : e.path("tags")) {
          if (t.asText().equals(tag)) {
            ids.add(List.of(e.path("id").asText()).toString());
          }
        }
      }
      ids.sort(null);
      return countOnly ? List.of(List.of(cell(ids.size())).toString()) : ids;
    };
  }

  private static final String SHIPPED_THIS_QUARTER_ACTIVATION = """
      SELECT e.id, r.percent_change FROM statsig.experiments e
      LEFT JOIN statsig.experiment_results r ON r.experiment_id = e.id
        AND r.metric_id = 'activation::event_user' AND r.test_group_id = e.launched_group_id
      WHERE e.status = 'decision_made' AND e.launched_group_id <> e.control_group_id
        AND e.end_time >= TIMESTAMP '2026-10-01 00:00:00' AND e.end_time < TIMESTAMP '2026-11-26 00:00:00'""";
  private static final String NEW_ONBOARDING_SPLIT = """
      SELECT rule_name, MAX(units_passed), MAX(units_failed) FROM statsig.gate_results
      WHERE gate_id = 'new_onboarding' GROUP BY rule_name""";
  private static final String CHECKOUT_REVENUE = """
      SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
      WHERE experiment_id = 'checkout_v2' AND metric_id = 'revenue_per_user::sum'""";
  private static final String[] RESULT = {"test_group_name", "percent_change", "p_value"};
  private static final String[] SHIPPED = {"experiment_id", "percent_change"};
  private static final String[] RULE_SPLIT = {"rule_name", "units_passed", "units_failed"};
  private static final String[] GROUP_SPLIT = {"group_name", "exposures"};
  private static final String[] TREND = {"ds", "value"};

  static final List<Case> CASES = List.of(
      // The seed's three, in several phrasings each.
      new Case("Which experiments shipped this quarter and what did they do to activation?", Intent.DECISIONS,
          SHIPPED_THIS_QUARTER_ACTIVATION, SHIPPED),
      new Case("What did the experiments we shipped this quarter do to activation?", Intent.DECISIONS,
          SHIPPED_THIS_QUARTER_ACTIVATION, SHIPPED),
      new Case("Experiments shipped this quarter: effect on activation", Intent.DECISIONS,
          SHIPPED_THIS_QUARTER_ACTIVATION, SHIPPED),
      new Case("Show experiments launched this quarter and their impact on activation", Intent.DECISIONS,
          SHIPPED_THIS_QUARTER_ACTIVATION, SHIPPED),
      new Case("What is the exposure split on the new-onboarding gate?", Intent.GATE_EXPOSURE_SPLIT,
          NEW_ONBOARDING_SPLIT, RULE_SPLIT),
      new Case("exposure split for new_onboarding", Intent.GATE_EXPOSURE_SPLIT, NEW_ONBOARDING_SPLIT, RULE_SPLIT),
      new Case("How many units pass vs fail the new onboarding gate?", Intent.GATE_EXPOSURE_SPLIT,
          NEW_ONBOARDING_SPLIT, RULE_SPLIT),
      new Case("Show me the pass/fail split of the New Onboarding gate", Intent.GATE_EXPOSURE_SPLIT,
          NEW_ONBOARDING_SPLIT, RULE_SPLIT),
      new Case("new-onboarding gate traffic by rule", Intent.GATE_EXPOSURE_SPLIT, NEW_ONBOARDING_SPLIT, RULE_SPLIT),
      new Case("Did the checkout test move revenue per user?", Intent.EXPERIMENT_EFFECT, CHECKOUT_REVENUE, RESULT),
      new Case("Did checkout_v2 move revenue per user?", Intent.EXPERIMENT_EFFECT, CHECKOUT_REVENUE, RESULT),
      new Case("What was the effect of the checkout experiment on revenue per user?", Intent.EXPERIMENT_EFFECT,
          CHECKOUT_REVENUE, RESULT),
      new Case("Impact of checkout v2 on revenue per user", Intent.EXPERIMENT_EFFECT, CHECKOUT_REVENUE, RESULT),
      new Case("Was the lift in revenue per user from the checkout test significant?", Intent.EXPERIMENT_EFFECT,
          CHECKOUT_REVENUE, RESULT),
      // An experiment's effect on a metric, and its groups compared.
      new Case("Did the onboarding checklist move activation?", Intent.EXPERIMENT_EFFECT, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'onboarding_checklist' AND metric_id = 'activation::event_user'""", RESULT),
      new Case("What did the free shipping threshold test do to checkout conversion?", Intent.EXPERIMENT_EFFECT, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'free_shipping_threshold' AND metric_id = 'checkout_conversion::funnel'""", RESULT),
      new Case("Did search autocomplete ranking improve search success rate?", Intent.EXPERIMENT_EFFECT, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'search_autocomplete_ranking' AND metric_id = 'search_success_rate::ratio'""", RESULT),
      new Case("Results of the welcome email series experiment", Intent.EXPERIMENT_EFFECT, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'welcome_email_series'""", RESULT),
      new Case("Compare the groups of the welcome email series", Intent.COMPARE_GROUPS, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'welcome_email_series'""", RESULT),
      new Case("How did the variants of checkout v2 compare?", Intent.COMPARE_GROUPS, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'checkout_v2'""", RESULT),
      // Exposure split of an experiment.
      new Case("What is the exposure split of checkout_v2?", Intent.EXPERIMENT_EXPOSURE_SPLIT, """
          SELECT group_name, SUM(exposures) FROM statsig.experiment_exposures
          WHERE experiment_id = 'checkout_v2' GROUP BY group_name""", GROUP_SPLIT),
      new Case("Exposures per group for the checkout test", Intent.EXPERIMENT_EXPOSURE_SPLIT, """
          SELECT group_name, SUM(exposures) FROM statsig.experiment_exposures
          WHERE experiment_id = 'checkout_v2' GROUP BY group_name""", GROUP_SPLIT),
      new Case("How is traffic split in the onboarding checklist experiment?", Intent.EXPERIMENT_EXPOSURE_SPLIT, """
          SELECT group_name, SUM(exposures) FROM statsig.experiment_exposures
          WHERE experiment_id = 'onboarding_checklist' GROUP BY group_name""", GROUP_SPLIT),
      // Exposure split of other gates.
      new Case("Exposure split on the checkout apple pay gate", Intent.GATE_EXPOSURE_SPLIT, """
          SELECT rule_name, MAX(units_passed), MAX(units_failed) FROM statsig.gate_results
          WHERE gate_id = 'checkout_apple_pay' GROUP BY rule_name""", RULE_SPLIT),
      // A metric's trend.
      new Case("How has activation trended over the last 30 days?", Intent.METRIC_TREND, """
          SELECT ds, "value" FROM statsig.metric_values WHERE metric_id = 'activation::event_user'
          AND ds BETWEEN DATE '2026-10-27' AND DATE '2026-11-24'""", TREND),
      new Case("Daily revenue per user since November", Intent.METRIC_TREND, """
          SELECT ds, "value" FROM statsig.metric_values WHERE metric_id = 'revenue_per_user::sum'
          AND ds BETWEEN DATE '2026-11-01' AND DATE '2026-11-24'""", TREND),
      new Case("Show d7 retention over time last month", Intent.METRIC_TREND, """
          SELECT ds, "value" FROM statsig.metric_values WHERE metric_id = 'd7_retention::ratio'
          AND ds BETWEEN DATE '2026-10-01' AND DATE '2026-10-31'""", TREND),
      new Case("What was checkout conversion yesterday?", Intent.METRIC_TREND, """
          SELECT ds, "value" FROM statsig.metric_values WHERE metric_id = 'checkout_conversion::funnel'
          AND ds = DATE '2026-11-24'""", TREND),
      new Case("Trend of daily active users this month", Intent.METRIC_TREND, """
          SELECT ds, "value" FROM statsig.metric_values WHERE metric_id = 'daily_active_users::count_distinct'
          AND ds BETWEEN DATE '2026-11-01' AND DATE '2026-11-24'""", TREND),
      new Case("app crashes per day over the last 2 weeks", Intent.METRIC_TREND, """
          SELECT ds, "value" FROM statsig.metric_values WHERE metric_id = 'app_crashes::event_count_custom'
          AND ds BETWEEN DATE '2026-11-12' AND DATE '2026-11-24'""", TREND),
      // Gate rollout state.
      new Case("What is the rollout state of the new_onboarding gate?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'new_onboarding'""",
          "rule_name", "pass_percentage"),
      new Case("Is the new onboarding gate enabled?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'new_onboarding'""",
          "rule_name", "pass_percentage"),
      new Case("How far has the checkout apple pay gate rolled out?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'checkout_apple_pay'""",
          "rule_name", "pass_percentage"),
      // Counting and listing.
      new Case("How many experiments are active?", Intent.COUNT_ENTITIES,
          "SELECT COUNT(*) FROM statsig.experiments WHERE status = 'active'", "count"),
      new Case("How many gates are there?", Intent.COUNT_ENTITIES, "SELECT COUNT(*) FROM statsig.gates", "count"),
      new Case("Number of metrics", Intent.COUNT_ENTITIES, "SELECT COUNT(*) FROM statsig.metrics", "count"),
      new Case("How many experiments were abandoned?", Intent.COUNT_ENTITIES,
          "SELECT COUNT(*) FROM statsig.experiments WHERE status = 'abandoned'", "count"),
      new Case("How many launched gates do we have?", Intent.COUNT_ENTITIES,
          "SELECT COUNT(*) FROM statsig.gates WHERE status = 'Launched'", "count"),
      new Case("Count the segments", Intent.COUNT_ENTITIES, "SELECT COUNT(*) FROM statsig.segments", "count"),
      new Case("List all tags", Intent.LIST_ENTITIES, "SELECT id FROM statsig.tags", "id"),
      new Case("Which experiments are running?", Intent.LIST_ENTITIES,
          "SELECT id FROM statsig.experiments WHERE status = 'active'", "id"),
      new Case("Show me the disabled gates", Intent.LIST_ENTITIES,
          "SELECT id FROM statsig.gates WHERE status = 'Disabled'", "id"),
      new Case("List the layers", Intent.LIST_ENTITIES, "SELECT id FROM statsig.layers", "id"),
      new Case("Which experiments are in setup?", Intent.LIST_ENTITIES,
          "SELECT id FROM statsig.experiments WHERE status = 'setup'", "id"),
      // Shipped or decided in a period.
      new Case("Which experiments shipped last quarter?", Intent.DECISIONS, """
          SELECT id FROM statsig.experiments WHERE status = 'decision_made' AND launched_group_id <> control_group_id
          AND end_time >= TIMESTAMP '2026-07-01 00:00:00' AND end_time < TIMESTAMP '2026-10-01 00:00:00'""",
          "experiment_id"),
      new Case("What experiments were decided this quarter?", Intent.DECISIONS, """
          SELECT id FROM statsig.experiments WHERE status = 'decision_made'
          AND end_time >= TIMESTAMP '2026-10-01 00:00:00' AND end_time < TIMESTAMP '2026-11-26 00:00:00'""",
          "experiment_id"),
      new Case("What shipped since March?", Intent.DECISIONS, """
          SELECT id FROM statsig.experiments WHERE status = 'decision_made' AND launched_group_id <> control_group_id
          AND end_time >= TIMESTAMP '2026-03-01 00:00:00' AND end_time < TIMESTAMP '2026-11-26 00:00:00'""",
          "experiment_id"),
      new Case("Which experiments shipped last quarter and what did they do to revenue per user?", Intent.DECISIONS, """
          SELECT e.id, r.percent_change FROM statsig.experiments e
          LEFT JOIN statsig.experiment_results r ON r.experiment_id = e.id
            AND r.metric_id = 'revenue_per_user::sum' AND r.test_group_id = e.launched_group_id
          WHERE e.status = 'decision_made' AND e.launched_group_id <> e.control_group_id
            AND e.end_time >= TIMESTAMP '2026-07-01 00:00:00' AND e.end_time < TIMESTAMP '2026-10-01 00:00:00'""",
          SHIPPED),
      // More phrasings, written after the planner, to keep the score honest.
      new Case("Show me the results for guest checkout", Intent.EXPERIMENT_EFFECT, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'guest_checkout'""", RESULT),
      new Case("Did the welcome email series improve activation?", Intent.EXPERIMENT_EFFECT, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'welcome_email_series' AND metric_id = 'activation::event_user'""", RESULT),
      new Case("How were exposures split between groups in checkout_v2 over the last 7 days?",
          Intent.EXPERIMENT_EXPOSURE_SPLIT, """
          SELECT group_name, SUM(exposures) FROM statsig.experiment_exposures
          WHERE experiment_id = 'checkout_v2' AND ds BETWEEN DATE '2026-11-19' AND DATE '2026-11-25'
          GROUP BY group_name""", GROUP_SPLIT),
      new Case("Page load time trend since October", Intent.METRIC_TREND, """
          SELECT ds, "value" FROM statsig.metric_values WHERE metric_id = 'page_load_time_ms::mean'
          AND ds BETWEEN DATE '2026-10-01' AND DATE '2026-11-24'""", TREND),
      new Case("Which gates are launched?", Intent.LIST_ENTITIES,
          "SELECT id FROM statsig.gates WHERE status = 'Launched'", "id"),
      new Case("What's the rollout status of checkout apple pay?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'checkout_apple_pay'""",
          "rule_name", "pass_percentage"),
      new Case("Did plus trial length move subscription starts?", Intent.EXPERIMENT_EFFECT, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'plus_trial_length' AND metric_id = 'subscription_starts::event_user'""", RESULT),
      new Case("How many dynamic configs are there?", Intent.COUNT_ENTITIES,
          "SELECT COUNT(*) FROM statsig.dynamic_configs", "count"),
      // Lists and counts narrowed by a tag; expected straight from the Console API model.
      new Case("Which experiments are tagged north star?", Intent.LIST_ENTITIES,
          consoleTagged("/console/v1/experiments", "north_star", false), "id"),
      new Case("How many experiments have the checkout tag?", Intent.COUNT_ENTITIES,
          consoleTagged("/console/v1/experiments", "checkout", true), "count"),
      new Case("List the active experiments tagged onboarding", Intent.LIST_ENTITIES, """
          SELECT id FROM statsig.experiments WHERE status = 'active' AND tags LIKE '%"onboarding"%'""", "id"));

  @Test
  void offlinePlannerAnswersNineInTenRight() throws Exception {
    Connection connection = DemoConnection.connection();
    Assistant assistant = DemoConnection.assistant();
    List<String> failures = new ArrayList<>();
    for (Case c : CASES) {
      String verdict = check(assistant, connection, c);
      if (verdict != null) {
        failures.add(c.question() + " -> " + verdict);
      }
    }
    int right = CASES.size() - failures.size();
    System.out.printf(Locale.ROOT, "Question suite: %d of %d right (%.0f%%)%n", right, CASES.size(),
        100.0 * right / CASES.size());
    failures.forEach(f -> System.out.println("  WRONG " + f));
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
    assertThat((double) right / CASES.size()).as("share answered right; wrong: %s", failures)
        .isGreaterThanOrEqualTo(REQUIRED_SCORE);
  }

  /** Null when the answer is right, else what was wrong. */
  private static String check(Assistant assistant, Connection connection, Case c) {
    try {
      Answer answer = assistant.ask(c.question());
      if (answer.plan().intent() != c.intent()) {
        return "read as " + answer.plan().intent() + " (" + answer.plan().explanation() + ")";
      }
      List<String> want = c.expected().rows(connection);
      List<String> got = rows(answer.table(), c.columns());
      if (want.isEmpty()) {
        return "the expected query found no rows: the case is not a test";
      }
      return want.equals(got) ? null : "rows " + got + " but expected " + want + "\n    SQL: " + answer.sql();
    } catch (Exception e) {
      return "failed: " + e;
    }
  }

  /** Rows as sorted text, numbers rounded so that SUM and MAX of the same values compare equal. */
  private static List<String> rows(ResultTable t, String[] columns) {
    List<String> out = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      List<Object> picked = columns == null ? row
          : Arrays.stream(columns).map(col -> row.get(t.index(col))).toList();
      out.add(picked.stream().map(QuestionSuiteTest::cell).toList().toString());
    }
    out.sort(null);
    return out;
  }

  private static String cell(Object v) {
    return v instanceof Number n ? String.format(Locale.ROOT, "%.6g", n.doubleValue()) : String.valueOf(v);
  }
}
