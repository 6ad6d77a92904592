package dev.statsigjdbc.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.emulator.api.ApiCall;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Questions an analyst asks of the emulator's demo data (today = 2026-11-25), each with its
 * expected answer computed here, independently of the planner: by a query written by hand over the
 * same data, by Java over raw rows, or from the emulator's Console API model. Each is scored:
 * RIGHT (the intent and the rows on the listed columns match; for a question that must be
 * declined, declined), DECLINED (a question with an answer, declined: honest but a miss) or WRONG
 * (an answer that is not the expected one, or an answer to a question that must be declined). The
 * suite fails on any WRONG and below 90% RIGHT.
 */
class QuestionSuiteTest {
  private static final double REQUIRED_SCORE = 0.9;

  /** A question, the intent it must be read as (null: it must be declined), its expected rows, and the answer columns they must match. */
  record Case(String question, Intent intent, Expected expected, String... columns) {
    Case(String question, Intent intent, String expectedSql, String... columns) {
      this(question, intent, connection -> query(connection, expectedSql), columns);
    }
  }

  /** Expected rows as normalized text, computed from the emulator's data. */
  interface Expected {
    List<String> rows(Connection connection) throws Exception;
  }

  enum Verdict { RIGHT, DECLINED, WRONG }

  static Case no(String question) {
    return new Case(question, null, (Expected) null);
  }

  static List<String> query(Connection connection, String sql) throws Exception {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(ResultTable.read(rs), null);
    }
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

  /** Exposures are running totals: each group's value on its last day in the window, from the raw daily rows. */
  static Expected lastExposures(String experiment, LocalDate from, LocalDate to) {
    return connection -> {
      String sql = "SELECT group_name, ds, exposures FROM statsig.experiment_exposures WHERE experiment_id = '"
          + experiment + "'";
      Map<String, Object[]> last = new TreeMap<>();
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          LocalDate ds = rs.getDate(2).toLocalDate();
          if (from != null && (ds.isBefore(from) || ds.isAfter(to))) {
            continue;
          }
          Object[] seen = last.get(rs.getString(1));
          if (seen == null || ((LocalDate) seen[0]).isBefore(ds)) {
            last.put(rs.getString(1), new Object[] {ds, rs.getLong(3)});
          }
        }
      }
      List<String> out = new ArrayList<>();
      last.forEach((group, v) -> out.add(List.of(group, cell(v[1])).toString()));
      out.sort(null);
      return out;
    };
  }

  /** The experiments whose run (start to end, or to today) is the longest or shortest, computed in Java. */
  static Expected byRunLength(boolean longest) {
    return connection -> {
      List<Object[]> runs = new ArrayList<>();
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT id, start_time, end_time FROM statsig.experiments")) {
        while (rs.next()) {
          Timestamp start = rs.getTimestamp(2);
          if (start == null) {
            continue;
          }
          Timestamp end = rs.getTimestamp(3);
          long days = ChronoUnit.DAYS.between(start.toInstant(), end == null
              ? DemoConnection.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC) : end.toInstant());
          runs.add(new Object[] {rs.getString(1), days});
        }
      }
      runs.sort(Comparator.comparingLong((Object[] r) -> (Long) r[1]).thenComparing(r -> (String) r[0]));
      Object[] pick = longest ? runs.stream().max(Comparator.comparingLong((Object[] r) -> (Long) r[1])
          .thenComparing(r -> (String) r[0], Comparator.reverseOrder())).orElseThrow() : runs.get(0);
      return List.of(List.of(pick[0]).toString());
    };
  }

  /** An experiment's run in whole days, from its own row. */
  static Expected runDays(String experiment) {
    return connection -> {
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT start_time, end_time FROM statsig.experiments WHERE id = '" + experiment + "'")) {
        rs.next();
        return List.of(List.of(rs.getTimestamp(1).toString(), String.valueOf(rs.getTimestamp(2))).toString());
      }
    };
  }

  private static final String Q4 = "TIMESTAMP '2026-10-01 00:00:00'";
  private static final String TOMORROW = "TIMESTAMP '2026-11-26 00:00:00'";
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
  private static final String[] COUNT = {"count"};
  private static final String[] ID = {"id"};

  private static Case effect(String question, String experiment, String metric) {
    return new Case(question, Intent.EXPERIMENT_EFFECT, "SELECT test_group_name, percent_change, p_value FROM"
        + " statsig.experiment_results WHERE experiment_id = '" + experiment + "'"
        + (metric == null ? "" : " AND metric_id = '" + metric + "'"), RESULT);
  }

  private static Case trend(String question, String metric, String from, String to) {
    return new Case(question, Intent.METRIC_TREND, "SELECT ds, \"value\" FROM statsig.metric_values WHERE metric_id = '"
        + metric + "' AND ds BETWEEN DATE '" + from + "' AND DATE '" + to + "'", TREND);
  }

  private static Case count(String question, String table, String where) {
    return new Case(question, Intent.COUNT_ENTITIES, "SELECT COUNT(*) FROM statsig." + table
        + (where == null ? "" : " WHERE " + where), COUNT);
  }

  private static Case list(String question, String table, String where) {
    return new Case(question, Intent.LIST_ENTITIES, "SELECT id FROM statsig." + table
        + (where == null ? "" : " WHERE " + where), ID);
  }

  private static Case perGroup(String question, String table, String column, String alias, String where) {
    return new Case(question, Intent.COUNT_ENTITIES, "SELECT " + column + ", COUNT(*) FROM statsig." + table
        + (where == null ? "" : " WHERE " + where) + " GROUP BY " + column, alias, "count");
  }

  private static Case shipped(String question, String from, String to, boolean shippedOnly) {
    return new Case(question, Intent.DECISIONS, "SELECT id FROM statsig.experiments WHERE status = 'decision_made'"
        + (shippedOnly ? " AND launched_group_id <> control_group_id" : "")
        + " AND end_time >= TIMESTAMP '" + from + " 00:00:00' AND end_time < TIMESTAMP '" + to + " 00:00:00'",
        "experiment_id");
  }

  private static Case facts(String question, String table, String id, String... columns) {
    return new Case(question, Intent.ENTITY_FACTS, "SELECT " + String.join(", ", columns) + " FROM statsig." + table
        + " WHERE id = '" + id + "'", columns);
  }

  private static Case history(String question, String name) {
    return new Case(question, Intent.AUDIT_HISTORY, "SELECT date_text, action_type, change_log, updated_by FROM"
        + " statsig.audit_logs WHERE name = '" + name + "'", "date_text", "action_type", "change_log", "updated_by");
  }

  private static Case ranked(String question, String metric, boolean up) {
    return new Case(question, Intent.RANKED_RESULTS, connection -> {
      List<String> all = new ArrayList<>();
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT r.experiment_id, r.test_group_name, r.percent_change FROM statsig.experiments e"
              + " JOIN statsig.experiment_results r ON r.experiment_id = e.id WHERE r.metric_id = '" + metric + "'")) {
        double best = up ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        while (rs.next()) {
          double v = rs.getDouble(3);
          String row = List.of(rs.getString(1), rs.getString(2)).toString();
          if (up ? v > best : v < best) {
            best = v;
            all.clear();
            all.add(row);
          }
        }
      }
      return all;
    }, "experiment_id", "test_group_name");
  }

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
      effect("Did the onboarding checklist move activation?", "onboarding_checklist", "activation::event_user"),
      effect("What did the free shipping threshold test do to checkout conversion?", "free_shipping_threshold",
          "checkout_conversion::funnel"),
      effect("Did search autocomplete ranking improve search success rate?", "search_autocomplete_ranking",
          "search_success_rate::ratio"),
      effect("Results of the welcome email series experiment", "welcome_email_series", null),
      new Case("Compare the groups of the welcome email series", Intent.COMPARE_GROUPS, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'welcome_email_series'""", RESULT),
      new Case("How did the variants of checkout v2 compare?", Intent.COMPARE_GROUPS, """
          SELECT test_group_name, percent_change, p_value FROM statsig.experiment_results
          WHERE experiment_id = 'checkout_v2'""", RESULT),
      effect("Show me the results for guest checkout", "guest_checkout", null),
      effect("Did the welcome email series improve activation?", "welcome_email_series", "activation::event_user"),
      effect("Did plus trial length move subscription starts?", "plus_trial_length", "subscription_starts::event_user"),
      effect("did guest checkout hurt checkout conversion", "guest_checkout", "checkout_conversion::funnel"),
      effect("Was welcome_email_series a win for activation?", "welcome_email_series", "activation::event_user"),
      effect("image cdn migration effect on page load time", "image_cdn_migration", "page_load_time_ms::mean"),
      effect("Did the cart reminder push help?", "cart_reminder_push", null),
      effect("compare control and test conversion in the free shipping threshold experiment", "free_shipping_threshold",
          "checkout_conversion::funnel"),
      effect("What are the pulse results of order tracking map?", "order_tracking_map", null),
      effect("Did prefetch product pages improve page load time?", "prefetch_product_pages", "page_load_time_ms::mean"),
      effect("results for dark mode default", "dark_mode_default", null),
      new Case("Compare checkout_v2 and guest_checkout on revenue per user", Intent.COMPARE_GROUPS, """
          SELECT experiment_id, test_group_name, percent_change FROM statsig.experiment_results
          WHERE metric_id = 'revenue_per_user::sum' AND experiment_id IN ('checkout_v2', 'guest_checkout')""",
          "experiment_id", "test_group_name", "percent_change"),
      new Case("checkout_v2 versus free_shipping_threshold on checkout conversion", Intent.COMPARE_GROUPS, """
          SELECT experiment_id, test_group_name, percent_change FROM statsig.experiment_results
          WHERE metric_id = 'checkout_conversion::funnel' AND experiment_id IN ('checkout_v2', 'free_shipping_threshold')""",
          "experiment_id", "test_group_name", "percent_change"),
      // Exposures: running totals, read on the last day.
      new Case("What is the exposure split of checkout_v2?", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("checkout_v2", null, null), GROUP_SPLIT),
      new Case("Exposures per group for the checkout test", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("checkout_v2", null, null), GROUP_SPLIT),
      new Case("How is traffic split in the onboarding checklist experiment?", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("onboarding_checklist", null, null), GROUP_SPLIT),
      new Case("How many users are in experiment guest_checkout?", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("guest_checkout", null, null), GROUP_SPLIT),
      new Case("How many people were exposed to the welcome email series?", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("welcome_email_series", null, null), GROUP_SPLIT),
      new Case("sample size of plus trial length", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("plus_trial_length", null, null), GROUP_SPLIT),
      new Case("How were exposures split between groups in guest_checkout over the last 7 days?",
          Intent.EXPERIMENT_EXPOSURE_SPLIT, lastExposures("guest_checkout", LocalDate.parse("2026-11-18"),
          LocalDate.parse("2026-11-24")), GROUP_SPLIT),
      new Case("exposures per group for loyalty points banner", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("loyalty_points_banner", null, null), GROUP_SPLIT),
      // Exposure split of other gates, and rollout state.
      new Case("Exposure split on the checkout apple pay gate", Intent.GATE_EXPOSURE_SPLIT, """
          SELECT rule_name, MAX(units_passed), MAX(units_failed) FROM statsig.gate_results
          WHERE gate_id = 'checkout_apple_pay' GROUP BY rule_name""", RULE_SPLIT),
      new Case("pass rate of the onboarding progress bar gate", Intent.GATE_EXPOSURE_SPLIT, """
          SELECT rule_name, MAX(units_passed), MAX(units_failed) FROM statsig.gate_results
          WHERE gate_id = 'onboarding_progress_bar' GROUP BY rule_name""", RULE_SPLIT),
      new Case("What is the rollout state of the new_onboarding gate?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'new_onboarding'""",
          "rule_name", "pass_percentage"),
      new Case("Is the new onboarding gate enabled?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'new_onboarding'""",
          "rule_name", "pass_percentage"),
      new Case("How far has the checkout apple pay gate rolled out?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'checkout_apple_pay'""",
          "rule_name", "pass_percentage"),
      new Case("What's the rollout status of checkout apple pay?", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'checkout_apple_pay'""",
          "rule_name", "pass_percentage"),
      new Case("pass percentage of the search voice search gate", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'search_voice_search'""",
          "rule_name", "pass_percentage"),
      // A metric's trend; "last N days" is N whole days ending yesterday.
      trend("How has activation trended over the last 30 days?", "activation::event_user", "2026-10-26", "2026-11-24"),
      trend("Daily revenue per user since November", "revenue_per_user::sum", "2026-11-01", "2026-11-24"),
      trend("Show d7 retention over time last month", "d7_retention::ratio", "2026-10-01", "2026-10-31"),
      trend("What was checkout conversion yesterday?", "checkout_conversion::funnel", "2026-11-24", "2026-11-24"),
      trend("Trend of daily active users this month", "daily_active_users::count_distinct", "2026-11-01", "2026-11-24"),
      trend("app crashes per day over the last 2 weeks", "app_crashes::event_count_custom", "2026-11-11", "2026-11-24"),
      trend("Page load time trend since October", "page_load_time_ms::mean", "2026-10-01", "2026-11-24"),
      trend("activation last 7 days", "activation::event_user", "2026-11-18", "2026-11-24"),
      trend("support tickets last week", "support_tickets::event_count_custom", "2026-11-16", "2026-11-22"),
      trend("How did add to cart do in October?", "add_to_cart::event_user", "2026-10-01", "2026-10-31"),
      trend("session duration trend", "session_duration::mean", "2026-10-26", "2026-11-24"),
      trend("chart average order value this week", "average_order_value::mean", "2026-11-23", "2026-11-24"),
      trend("subscription starts since the start of the month", "subscription_starts::event_user", "2026-11-01", "2026-11-24"),
      trend("search success rate over the past 14 days", "search_success_rate::ratio", "2026-11-11", "2026-11-24"),
      // Counting and listing, filtered by status, type, tag, team, creator, layer.
      count("How many experiments are active?", "experiments", "status = 'active'"),
      count("How many gates are there?", "gates", null),
      count("Number of metrics", "metrics", null),
      count("How many experiments were abandoned?", "experiments", "status = 'abandoned'"),
      count("How many launched gates do we have?", "gates", "status = 'Launched'"),
      count("Count the segments", "segments", null),
      count("How many dynamic configs are there?", "dynamic_configs", null),
      count("how many experiments are running right now", "experiments", "status = 'active'"),
      count("How many experiments are still in setup?", "experiments", "status = 'setup'"),
      count("how many archived experiments", "experiments", "status = 'archived'"),
      count("How many permanent gates are there?", "gates", "type = 'PERMANENT'"),
      count("number of stale gates", "gates", "type = 'STALE'"),
      count("How many temporary feature flags are in progress?", "gates", "type = 'TEMPORARY' AND status = 'In Progress'"),
      count("How many gates are disabled?", "gates", "status = 'Disabled'"),
      count("how many layers", "layers", null),
      count("How many tags do we have?", "tags", null),
      count("How many verified metrics are there?", "metrics", "is_verified = TRUE"),
      count("How many experiments does the Checkout team have?", "experiments", "team = 'Checkout'"),
      count("How many active experiments does the retention team run?", "experiments",
          "team = 'Retention' AND status = 'active'"),
      count("How many gates are owned by team Search?", "gates", "team = 'Search'"),
      count("how many experiments did Hannah Becker create", "experiments", "creator_name = 'Hannah Becker'"),
      count("How many experiments has Sofia created?", "experiments", "creator_name = 'Sofia Alvarez'"),
      count("How many gates were created by Kenji Watanabe?", "gates", "creator_name = 'Kenji Watanabe'"),
      count("How many experiments are in the checkout layer?", "experiments", "layer_id = 'checkout_layer'"),
      count("How many experiments were created last month?", "experiments",
          "created_time >= TIMESTAMP '2026-10-01 00:00:00' AND created_time < TIMESTAMP '2026-11-01 00:00:00'"),
      count("How many experiments started this quarter?", "experiments",
          "start_time >= " + Q4 + " AND start_time < " + TOMORROW),
      count("How many experiments started in Q3?", "experiments",
          "start_time >= TIMESTAMP '2026-07-01 00:00:00' AND start_time < TIMESTAMP '2026-10-01 00:00:00'"),
      count("how many gates were created this year", "gates",
          "created_time >= TIMESTAMP '2026-01-01 00:00:00' AND created_time < " + TOMORROW),
      count("How many gates were created in 2025?", "gates",
          "created_time >= TIMESTAMP '2025-01-01 00:00:00' AND created_time < TIMESTAMP '2026-01-01 00:00:00'"),
      count("How many experiments ended last quarter?", "experiments",
          "end_time >= TIMESTAMP '2026-07-01 00:00:00' AND end_time < TIMESTAMP '2026-10-01 00:00:00'"),
      count("How many experiments were created in the last 30 days?", "experiments",
          "created_time >= TIMESTAMP '2026-10-26 00:00:00' AND created_time < TIMESTAMP '2026-11-25 00:00:00'"),
      count("how many experiments did the growth team start this year", "experiments",
          "team = 'Growth' AND start_time >= TIMESTAMP '2026-01-01 00:00:00' AND start_time < " + TOMORROW),
      new Case("How many experiments have the checkout tag?", Intent.COUNT_ENTITIES,
          consoleTagged("/console/v1/experiments", "checkout", true), COUNT),
      new Case("How many experiments are tagged north star?", Intent.COUNT_ENTITIES,
          consoleTagged("/console/v1/experiments", "north_star", true), COUNT),
      new Case("how many gates are tagged onboarding", Intent.COUNT_ENTITIES,
          consoleTagged("/console/v1/gates", "onboarding", true), COUNT),
      new Case("How many metrics are tagged guardrail?", Intent.COUNT_ENTITIES,
          consoleTagged("/console/v1/metrics/list", "guardrail", true), COUNT),
      count("How many mobile experiments are there?", "experiments", "tags LIKE '%\"mobile\"%'"),
      count("how many experiments tagged performance are active", "experiments",
          "tags LIKE '%\"performance\"%' AND status = 'active'"),
      new Case("List all tags", Intent.LIST_ENTITIES, "SELECT name FROM statsig.tags", "name"),
      list("Which experiments are running?", "experiments", "status = 'active'"),
      list("Show me the disabled gates", "gates", "status = 'Disabled'"),
      list("List the layers", "layers", null),
      list("Which experiments are in setup?", "experiments", "status = 'setup'"),
      list("Which gates are launched?", "gates", "status = 'Launched'"),
      new Case("Which experiments are tagged north star?", Intent.LIST_ENTITIES,
          consoleTagged("/console/v1/experiments", "north_star", false), ID),
      list("List the active experiments tagged onboarding", "experiments",
          "status = 'active' AND tags LIKE '%\"onboarding\"%'"),
      list("Which experiments did Priya Raman create?", "experiments", "creator_name = 'Priya Raman'"),
      list("experiments created by Daniel Okafor", "experiments", "creator_name = 'Daniel Okafor'"),
      list("Show Elena's experiments", "experiments", "creator_name = 'Elena Petrova'"),
      list("Which experiments are in the search ranking layer?", "experiments", "layer_id = 'search_ranking_layer'"),
      list("list the onboarding team's experiments", "experiments", "team = 'Onboarding'"),
      list("Which experiments does team Platform own?", "experiments", "team = 'Platform'"),
      list("Which experiments were started last month?", "experiments",
          "start_time >= TIMESTAMP '2026-10-01 00:00:00' AND start_time < TIMESTAMP '2026-11-01 00:00:00'"),
      list("Which experiments were created this month?", "experiments",
          "created_time >= TIMESTAMP '2026-11-01 00:00:00' AND created_time < " + TOMORROW),
      list("list permanent gates owned by the platform team", "gates", "type = 'PERMANENT' AND team = 'Platform'"),
      list("Which experiments of the search team are active?", "experiments", "team = 'Search' AND status = 'active'"),
      list("What experiments were stopped?", "experiments", "status = 'experiment_stopped'"),
      list("Which metrics are tagged revenue?", "metrics", "tags LIKE '%\"revenue\"%'"),
      list("list the metrics of the growth team", "metrics", "team = 'Growth'"),
      list("which gates were modified this month", "gates",
          "last_modified_time >= TIMESTAMP '2026-11-01 00:00:00' AND last_modified_time < " + TOMORROW),
      // Per-status, per-team, per-type counts.
      perGroup("How many experiments per status?", "experiments", "status", "status", null),
      perGroup("experiments by status", "experiments", "status", "status", null),
      perGroup("Count experiments per team", "experiments", "team", "team", null),
      perGroup("How many gates per type?", "gates", "type", "type", null),
      perGroup("gates by status", "gates", "status", "status", null),
      perGroup("How many active experiments per team?", "experiments", "team", "team", "status = 'active'"),
      perGroup("How many metrics per team?", "metrics", "team", "team", null),
      perGroup("number of experiments for each owner", "experiments", "creator_name", "creator", null),
      perGroup("How many experiments were created per team this quarter?", "experiments", "team", "team",
          "created_time >= " + Q4 + " AND created_time < " + TOMORROW),
      perGroup("breakdown of checkout team experiments by status", "experiments", "status", "status", "team = 'Checkout'"),
      perGroup("how many gates per team", "gates", "team", "team", null),
      perGroup("metrics by type", "metrics", "type", "type", null),
      // Superlatives and top N.
      new Case("Which team has the most experiments?", Intent.COUNT_ENTITIES, connection -> {
        List<String> rows = query(connection, "SELECT team, COUNT(*) FROM statsig.experiments GROUP BY team");
        return rows;
      }, "team", "count"),
      new Case("What is the newest experiment?", Intent.LIST_ENTITIES, """
          SELECT id FROM statsig.experiments ORDER BY created_time DESC, id FETCH NEXT 1 ROWS ONLY""", ID),
      new Case("the 5 most recent experiments", Intent.LIST_ENTITIES, """
          SELECT id FROM statsig.experiments ORDER BY created_time DESC, id FETCH NEXT 5 ROWS ONLY""", ID),
      new Case("What is the oldest gate?", Intent.LIST_ENTITIES, """
          SELECT id FROM statsig.gates ORDER BY created_time, id FETCH NEXT 1 ROWS ONLY""", ID),
      new Case("Which experiment started most recently?", Intent.LIST_ENTITIES, """
          SELECT id FROM statsig.experiments WHERE start_time IS NOT NULL ORDER BY start_time DESC, id FETCH NEXT 1 ROWS ONLY""", ID),
      new Case("What is the longest running experiment?", Intent.LIST_ENTITIES, byRunLength(true), ID),
      new Case("Which experiment ran the shortest?", Intent.LIST_ENTITIES, byRunLength(false), ID),
      new Case("top 3 newest gates", Intent.LIST_ENTITIES, """
          SELECT id FROM statsig.gates ORDER BY created_time DESC, id FETCH NEXT 3 ROWS ONLY""", ID),
      ranked("Which experiment had the biggest lift on activation?", "activation::event_user", true),
      ranked("biggest drop in checkout conversion", "checkout_conversion::funnel", false),
      ranked("What was the best result on revenue per user?", "revenue_per_user::sum", true),
      ranked("worst result for d7 retention", "d7_retention::ratio", false),
      // Shipped or decided in a period.
      shipped("Which experiments shipped last quarter?", "2026-07-01", "2026-10-01", true),
      shipped("What experiments were decided this quarter?", "2026-10-01", "2026-11-26", false),
      shipped("What shipped since March?", "2026-03-01", "2026-11-26", true),
      shipped("What did we ship in Q3?", "2026-07-01", "2026-10-01", true),
      shipped("which experiments shipped in the last 3 months", "2026-08-25", "2026-11-25", true),
      shipped("experiments with a decision this year", "2026-01-01", "2026-11-26", false),
      shipped("What was shipped in the last 90 days?", "2026-08-27", "2026-11-25", true),
      new Case("Which experiments shipped last quarter and what did they do to revenue per user?", Intent.DECISIONS, """
          SELECT e.id, r.percent_change FROM statsig.experiments e
          LEFT JOIN statsig.experiment_results r ON r.experiment_id = e.id
            AND r.metric_id = 'revenue_per_user::sum' AND r.test_group_id = e.launched_group_id
          WHERE e.status = 'decision_made' AND e.launched_group_id <> e.control_group_id
            AND e.end_time >= TIMESTAMP '2026-07-01 00:00:00' AND e.end_time < TIMESTAMP '2026-10-01 00:00:00'""",
          SHIPPED),
      // Owners, durations, status of one experiment or gate.
      facts("Who owns checkout_v2?", "experiments", "checkout_v2", "creator_name", "team"),
      facts("Who created the new onboarding gate?", "gates", "new_onboarding", "creator_name", "team"),
      facts("who is the owner of the guest checkout experiment", "experiments", "guest_checkout", "creator_name", "team"),
      facts("creator of welcome email series", "experiments", "welcome_email_series", "creator_name", "team"),
      facts("How long did checkout_v2 run?", "experiments", "checkout_v2", "start_time", "end_time"),
      facts("How long has guest checkout been running?", "experiments", "guest_checkout", "start_time", "end_time"),
      facts("duration of the onboarding checklist experiment", "experiments", "onboarding_checklist", "start_time",
          "end_time"),
      facts("how many days did welcome_email_series run", "experiments", "welcome_email_series", "start_time",
          "end_time"),
      facts("Is plus trial length still running?", "experiments", "plus_trial_length", "status", "start_time"),
      // Audit history.
      history("What changed on checkout_v2?", "checkout_v2"),
      history("history of the new_onboarding gate", "new_onboarding"),
      history("Who changed checkout tip courier?", "checkout_tip_courier"),
      history("audit log for guest_checkout", "guest_checkout"),
      history("change history of the welcome email series experiment", "welcome_email_series"),
      // Typos, corrected and shown.
      count("How many expirements are active?", "experiments", "status = 'active'"),
      trend("retension trend last month", "d7_retention::ratio", "2026-10-01", "2026-10-31"),
      trend("actvation over the last 7 days", "activation::event_user", "2026-11-18", "2026-11-24"),
      effect("Did the chekout test move revenue per user?", "checkout_v2", "revenue_per_user::sum"),
      new Case("exposure split on the new onbaording gate", Intent.GATE_EXPOSURE_SPLIT, NEW_ONBOARDING_SPLIT, RULE_SPLIT),
      count("how many experimnets are archived", "experiments", "status = 'archived'"),
      list("Which gatse are launched?", "gates", "status = 'Launched'"),
      count("How many experiments are taged north star?", "experiments", "tags LIKE '%\"north_star\"%'"),
      // A second batch, written before running them against the planner.
      count("How many experiments are currently live?", "experiments", "status = 'active'"),
      list("Which experiments has Marcus Chen created?", "experiments", "creator_name = 'Marcus Chen'"),
      list("list experiments owned by the growth team that are abandoned", "experiments",
          "team = 'Growth' AND status = 'abandoned'"),
      count("How many feature flags are there?", "gates", null),
      count("How many experiments were created in October?", "experiments",
          "created_time >= TIMESTAMP '2026-10-01 00:00:00' AND created_time < TIMESTAMP '2026-11-01 00:00:00'"),
      count("How many experiments did we start last quarter?", "experiments",
          "start_time >= TIMESTAMP '2026-07-01 00:00:00' AND start_time < TIMESTAMP '2026-10-01 00:00:00'"),
      perGroup("What's the status breakdown of gates?", "gates", "status", "status", null),
      effect("How did checkout_v2 do on checkout conversion?", "checkout_v2", "checkout_conversion::funnel"),
      new Case("Show the exposures for welcome_email_series", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("welcome_email_series", null, null), GROUP_SPLIT),
      new Case("What's the traffic split for guest checkout v3?", Intent.EXPERIMENT_EXPOSURE_SPLIT,
          lastExposures("guest_checkout_v3", null, null), GROUP_SPLIT),
      ranked("Which experiment improved activation the most?", "activation::event_user", true),
      trend("daily active users yesterday", "daily_active_users::count_distinct", "2026-11-24", "2026-11-24"),
      count("How many experiments are tagged with mobile?", "experiments", "tags LIKE '%\"mobile\"%'"),
      list("What gates does Priya own?", "gates", "creator_name = 'Priya Raman'"),
      perGroup("Experiments per layer", "experiments", "layer_id", "layer", null),
      perGroup("How many active experiments are there per team?", "experiments", "team", "team", "status = 'active'"),
      facts("When did checkout_v2 start?", "experiments", "checkout_v2", "start_time", "end_time"),
      facts("Who created guest checkout?", "experiments", "guest_checkout", "creator_name", "team"),
      count("How many gates are in progress?", "gates", "status = 'In Progress'"),
      new Case("Show me the rules for the new onboarding gate", Intent.GATE_ROLLOUT, """
          SELECT name, pass_percentage FROM statsig.gate_rules WHERE gate_id = 'new_onboarding'""",
          "rule_name", "pass_percentage"),
      effect("checkout_v2 results on all metrics", "checkout_v2", null),
      shipped("How many experiments were decided last quarter?", "2026-07-01", "2026-10-01", false),
      list("Which gates were created last month?", "gates",
          "created_time >= TIMESTAMP '2026-10-01 00:00:00' AND created_time < TIMESTAMP '2026-11-01 00:00:00'"),
      count("How many metrics does the platform team own?", "metrics", "team = 'Platform'"),
      list("list segments", "segments", null),
      count("how many dynamic configs are enabled", "dynamic_configs", "is_enabled = TRUE"),
      list("Which experiments are in the onboarding layer?", "experiments", "layer_id = 'onboarding_layer'"),
      new Case("oldest active experiment", Intent.LIST_ENTITIES, """
          SELECT id FROM statsig.experiments WHERE status = 'active' ORDER BY created_time, id FETCH NEXT 1 ROWS ONLY""", ID),
      effect("What did guest_checkout_v3 do to revenue per user?", "guest_checkout_v3", "revenue_per_user::sum"),
      new Case("Compare guest_checkout and guest_checkout_v3", Intent.COMPARE_GROUPS, """
          SELECT experiment_id, test_group_name, metric_id, percent_change FROM statsig.experiment_results
          WHERE experiment_id IN ('guest_checkout', 'guest_checkout_v3')""",
          "experiment_id", "test_group_name", "metric_id", "percent_change"),
      facts("How long did the onboarding checklist run?", "experiments", "onboarding_checklist", "start_time", "end_time"),
      trend("activation trend in Q3", "activation::event_user", "2026-07-01", "2026-09-30"),
      trend("revenue per user over the last 12 weeks", "revenue_per_user::sum", "2026-09-02", "2026-11-24"),
      count("how many experiments did Tom Fitzgerald start this year", "experiments",
          "creator_name = 'Tom Fitzgerald' AND start_time >= TIMESTAMP '2026-01-01 00:00:00' AND start_time < " + TOMORROW),
      list("list gates tagged retention that are disabled", "gates", "tags LIKE '%\"retention\"%' AND status = 'Disabled'"),
      perGroup("number of abandoned experiments per team", "experiments", "team", "team", "status = 'abandoned'"),
      new Case("which layer has the most experiments", Intent.COUNT_ENTITIES,
          "SELECT layer_id, COUNT(*) FROM statsig.experiments GROUP BY layer_id", "layer", "count"),
      effect("What is the p-value of checkout_v2 on revenue per user?", "checkout_v2", "revenue_per_user::sum"),
      perGroup("How many experiments are tagged north_star and active per team?", "experiments", "team", "team",
          "tags LIKE '%\"north_star\"%' AND status = 'active'"),
      count("How many experiments were created by the checkout team last month?", "experiments",
          "team = 'Checkout' AND created_time >= TIMESTAMP '2026-10-01 00:00:00'"
              + " AND created_time < TIMESTAMP '2026-11-01 00:00:00'"),
      no("How many experiments are tagged checkout or search?"),
      no("Which experiments are not active?"),
      no("How many gates did Bob create?"),
      no("Show experiments created before 2025"),
      no("Which experiments had a sample ratio mismatch?"),
      no("What's the conversion rate?"),
      no("Which metric moved the most last week?"),
      no("How many experiments are running on android?"),
      // Trick questions: each must be declined, never answered.
      no("How many experiments are tagged zebra?"),
      no("Which experiments are tagged moonshot?"),
      no("How has happiness trended over the last 30 days?"),
      no("Did the checkout test move the zebra metric?"),
      no("How many experiments does the zebra team have?"),
      no("Which experiments were created by John Smith?"),
      no("Did the zebra test move activation?"),
      no("What is the exposure split on the zebra gate?"),
      no("Which experiments did not ship last quarter?"),
      no("How many experiments last quarter?"),
      no("Which experiments have significant results?"),
      no("Which experiments got worse on activation?"),
      no("How many experiments per tag?"),
      no("Top 5 experiments"),
      no("Did the search experiment move search success rate?"),
      no("How many checkout experiments are there?"),
      no("Which search experiments are active?"),
      no("What's the weather in Paris?"),
      no("Delete all experiments"),
      no("Write me a poem about dashboards"),
      no("How many experiments are active in Europe?"),
      no("Which gates are used by the iOS app?"),
      no("What is the average number of exposures per experiment?"),
      no("How much revenue did we make last quarter?"),
      no("How many experiments are active excluding the checkout team?"),
      no("Which gates have more than 3 rules?"),
      no("Is activation better on mobile or web?"),
      no("Why did checkout_v2 win?"),
      no("How many experiments are active'; DROP TABLE x; --"),
      no("What changed on checkout_v2 last week?"),
      no("Which experiment had the biggest lift?"),
      no("Who is the best engineer?"),
      no("How many users does the app have?"),
      no("Show experiments in the zebra layer"),
      no("activation versus revenue per user correlation"),
      no("how many experiments shipped in the future"));

  @Test
  void offlinePlannerIsNeverWrongAndNineInTenRight() throws Exception {
    Connection connection = DemoConnection.connection();
    Assistant assistant = DemoConnection.assistant();
    List<String> wrong = new ArrayList<>();
    List<String> declined = new ArrayList<>();
    int right = 0;
    for (Case c : CASES) {
      String[] why = new String[1];
      Verdict v = check(assistant, connection, c, why);
      switch (v) {
        case RIGHT -> right++;
        case DECLINED -> declined.add(c.question() + " -> " + why[0]);
        case WRONG -> wrong.add(c.question() + " -> " + why[0]);
      }
    }
    int total = CASES.size();
    System.out.printf(Locale.ROOT, "Question suite: %d questions: %d right (%.1f%%), %d declined, %d WRONG%n", total, right,
        100.0 * right / total, declined.size(), wrong.size());
    declined.forEach(d -> System.out.println("  DECLINED " + d));
    wrong.forEach(w -> System.out.println("  WRONG " + w));
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(200);
    assertThat(wrong).as("answers that are wrong").isEmpty();
    assertThat((double) right / total).as("share answered right; declined: %s", declined)
        .isGreaterThanOrEqualTo(REQUIRED_SCORE);
  }

  private static Verdict check(Assistant assistant, Connection connection, Case c, String[] why) {
    try {
      Answer answer = assistant.ask(c.question());
      if (c.intent() == null) {
        why[0] = "answered as " + answer.plan().intent() + ": " + answer.summary();
        return answer.understood() ? Verdict.WRONG : Verdict.RIGHT;
      }
      if (!answer.understood()) {
        why[0] = answer.summary();
        return Verdict.DECLINED;
      }
      if (answer.plan().intent() != c.intent()) {
        why[0] = "read as " + answer.plan().intent() + " (" + answer.plan().explanation() + ")";
        return Verdict.WRONG;
      }
      List<String> want = c.expected().rows(connection);
      List<String> got = rows(answer.table(), c.columns());
      if (want.isEmpty()) {
        why[0] = "the expected query found no rows: the case is not a test";
        return Verdict.WRONG;
      }
      why[0] = "rows " + got + " but expected " + want + "\n    SQL: " + answer.sql();
      return want.equals(got) ? Verdict.RIGHT : Verdict.WRONG;
    } catch (Exception e) {
      why[0] = "failed: " + e;
      return Verdict.WRONG;
    }
  }

  /** Rows as sorted text, numbers rounded so that SUM and MAX of the same values compare equal. */
  static List<String> rows(ResultTable t, String[] columns) {
    List<String> out = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      List<Object> picked = columns == null ? row
          : Arrays.stream(columns).map(col -> row.get(t.index(col))).toList();
      out.add(picked.stream().map(QuestionSuiteTest::cell).toList().toString());
    }
    out.sort(null);
    return out;
  }

  static String cell(Object v) {
    return v instanceof Number n ? String.format(Locale.ROOT, "%.6g", n.doubleValue()) : String.valueOf(v);
  }
}
