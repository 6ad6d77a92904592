package dev.statsigjdbc.assistant.answer;

import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.Plan;
import dev.statsigjdbc.assistant.plan.Slot;
import dev.statsigjdbc.assistant.plan.StatsigTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Turns a plan's result into a summary with the numbers that matter, caveats and the chart that
 * fits its shape.
 */
public final class Narrator {
  /** Below this many units in a group, a result is too thin to trust. */
  public static final long MIN_UNITS = 1000;
  private static final int NAMES_SHOWN = 10;

  private final Function<String, Optional<String>> goodDirection;

  /**
   * @param goodDirection for a metric id, the direction that is good ({@code increase} or {@code decrease}), if known
   */
  static final String MODEL_SQL_CAVEAT = "A language model wrote this SQL; it was only checked to be one read-only"
      + " query over known tables, so read it before relying on the numbers.";

  public Narrator(Function<String, Optional<String>> goodDirection) {
    this.goodDirection = goodDirection;
  }

  /**
   * @param experimentStart the start day of the plan's experiment, when it has one and it started
   */
  public Narration narrate(Plan plan, ResultTable t, LocalDate experimentStart) {
    List<String> caveats = new ArrayList<>();
    if (plan.period() != null && experimentStart != null && plan.period().start().isBefore(experimentStart)) {
      caveats.add("The window starts on " + plan.period().start() + ", before " + plan.slot(Slot.EXPERIMENT)
          + " started on " + experimentStart + ": the days before the start have no exposures.");
    }
    boolean resultsIntent = plan.intent() == Intent.EXPERIMENT_EFFECT || plan.intent() == Intent.COMPARE_GROUPS;
    if (resultsIntent && plan.period() != null) {
      caveats.add("Pulse results cover the experiment's whole run: " + plan.period().label() + " does not narrow them.");
    }
    Narration n = switch (plan.intent()) {
      case EXPERIMENT_EFFECT, COMPARE_GROUPS -> results(plan, t);
      case DECISIONS -> decisions(plan, t);
      case GATE_EXPOSURE_SPLIT -> gateSplit(plan, t);
      case EXPERIMENT_EXPOSURE_SPLIT -> experimentSplit(plan, t);
      case METRIC_TREND -> trend(plan, t);
      case GATE_ROLLOUT -> rollout(plan, t);
      case JOINED_BY_GROUP -> joinedByGroup(plan, t);
      case COUNT_ENTITIES -> count(plan, t);
      case LIST_ENTITIES -> list(plan, t);
      case ENTITY_FACTS -> facts(plan, t);
      case AUDIT_HISTORY -> history(plan, t);
      case RANKED_RESULTS -> ranked(plan, t);
      case MODEL_SQL -> new Narration(t.size() + " row(s) for: " + plan.explanation(), List.of(MODEL_SQL_CAVEAT),
          ChartSpec.table(plan.explanation()));
      case UNKNOWN -> throw new IllegalArgumentException("a plan that was not understood has no result to narrate");
    };
    caveats.addAll(n.caveats());
    return new Narration(n.summary(), caveats, n.chart());
  }

  /** The filters and window of a list or count, in words. */
  private static String scope(Plan plan) {
    return (plan.slot(Slot.FILTERS) == null ? "" : " with " + plan.slot(Slot.FILTERS))
        + (plan.period() == null ? "" : " in " + plan.period());
  }

  private static Narration count(Plan plan, ResultTable t) {
    String table = plan.slot(Slot.TABLE);
    String group = plan.slot(Slot.GROUP);
    if (group == null) {
      return new Narration("There are " + t.value(0, "count") + " " + table + scope(plan) + ".", List.of(),
          ChartSpec.table(table));
    }
    if (t.size() == 0) {
      return new Narration("No " + table + scope(plan) + ".", List.of(), ChartSpec.table(table));
    }
    List<String> keys = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < t.size(); i++) {
      String key = t.text(i, group) == null ? "(none)" : t.text(i, group);
      double n = t.number(i, "count");
      keys.add(key);
      counts.add(n);
      total += n;
      parts.add(key + " " + Numbers.count(n));
    }
    String lead = "most".equals(plan.slot(Slot.ORDER))
        ? keys.get(0) + " has the most " + table + scope(plan) + ": " + Numbers.count(counts.get(0))
            + (t.size() > 1 && counts.get(1).equals(counts.get(0)) ? " (tied with " + keys.get(1) + ")" : "") + ". "
        : "";
    return new Narration(lead + Numbers.count(total) + " " + table + scope(plan) + " per " + group + ": "
        + String.join(", ", parts) + ".", List.of(), new ChartSpec(ChartSpec.Kind.BAR, table + " per " + group, group,
        table, keys, List.of(new ChartSpec.Series(table, counts)), null));
  }

  private static Narration list(Plan plan, ResultTable t) {
    String table = plan.slot(Slot.TABLE);
    String label = t.columns().get(0);
    String order = plan.slot(Slot.ORDER) == null ? "" : " (" + plan.slot(Slot.ORDER) + ")";
    return new Narration(t.size() + " " + table + scope(plan) + order + (t.size() == 0 ? "." : ": " + names(t, label) + "."),
        List.of(), ChartSpec.table(table));
  }

  /** One experiment's, gate's or metric's owner, run or status, from its own row. */
  private static Narration facts(Plan plan, ResultTable t) {
    String id = t.size() == 0 ? null : t.text(0, "id");
    if (id == null) {
      return new Narration("No such item.", List.of(), ChartSpec.table(plan.slot(Slot.TABLE)));
    }
    String summary = switch (plan.slot(Slot.FACT)) {
      case "owner" -> id + " was created by " + t.text(0, "creator_name") + " (team " + t.text(0, "team") + ") on "
          + day(t.value(0, "created_time")) + ".";
      case "duration" -> duration(id, t);
      default -> id + " is " + t.text(0, "status") + (t.value(0, "start_time") == null ? ", not started."
          : ", started " + day(t.value(0, "start_time")) + (t.value(0, "end_time") == null ? " and still running."
              : ", ended " + day(t.value(0, "end_time")) + "."));
    };
    return new Narration(summary, List.of(), ChartSpec.table(id));
  }

  private static String duration(String id, ResultTable t) {
    Object start = t.value(0, "start_time");
    Object end = t.value(0, "end_time");
    if (start == null) {
      return id + " has not started (status " + t.text(0, "status") + ").";
    }
    if (end == null) {
      return id + " started on " + day(start) + " and is still running (status " + t.text(0, "status") + ").";
    }
    long days = java.time.temporal.ChronoUnit.DAYS.between(day(start), day(end));
    return id + " ran " + days + " days, from " + day(start) + " to " + day(end) + " (status " + t.text(0, "status") + ").";
  }

  private static LocalDate day(Object timestamp) {
    return timestamp instanceof java.sql.Timestamp ts ? ts.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
        : LocalDate.parse(String.valueOf(timestamp).substring(0, 10));
  }

  private static Narration history(Plan plan, ResultTable t) {
    String id = plan.slot(Slot.EXPERIMENT);
    if (t.size() == 0) {
      return new Narration("The audit log has no entries for " + id + ".", List.of(), ChartSpec.table(id));
    }
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < Math.min(t.size(), NAMES_SHOWN); i++) {
      entries.add(t.text(i, "date_text") + ": " + t.text(i, "change_log") + " by " + t.text(i, "updated_by"));
    }
    return new Narration(t.size() + " audit log entr" + (t.size() == 1 ? "y" : "ies") + " for " + id + ": "
        + String.join("; ", entries) + (t.size() > NAMES_SHOWN ? "; and " + (t.size() - NAMES_SHOWN) + " more." : "."),
        List.of("The audit log keeps its own window of recent entries; older changes may not be in it."),
        ChartSpec.table(id));
  }

  private Narration ranked(Plan plan, ResultTable t) {
    String metric = plan.slot(Slot.METRIC);
    if (t.size() == 0) {
      return new Narration("No experiment has a result on " + metric + ".", List.of(), ChartSpec.table(metric));
    }
    return new Narration(t.text(0, "experiment_id") + " (" + t.text(0, "test_group_name") + ") had the "
        + plan.slot(Slot.ORDER) + " on " + metric + ": " + resultLine(t, 0) + ".", thinResults(t),
        lift("results on " + metric, t, false));
  }

  private static String names(ResultTable t, String column) {
    List<String> names = IntStream.range(0, t.size()).mapToObj(i -> t.text(i, column)).toList();
    return names.size() <= NAMES_SHOWN ? String.join(", ", names)
        : String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
  }

  /** One sentence per result row: change, interval, p-value, verdict. */
  private String resultLine(ResultTable t, int i) {
    Double change = t.number(i, "percent_change");
    if (change == null) {
      return "no result";
    }
    return Numbers.change(change) + " (CI ±" + String.format(java.util.Locale.ROOT, "%.1f", t.number(i, "percent_ci_delta"))
        + " pts, " + Numbers.pValue(t.number(i, "p_value")) + ", "
        + (moved(t, i) ? "significant" + direction(t.text(i, "metric_id"), change) : "not significant") + ")";
  }

  private String direction(String metricId, double change) {
    return goodDirection.apply(metricId)
        .map(good -> (change > 0) == good.equalsIgnoreCase("increase") ? ", the good direction"
            : ", the wrong direction: " + good + " is good")
        .orElse("");
  }

  private static boolean moved(ResultTable t, int i) {
    Double abs = t.number(i, "absolute_change");
    Double ci = t.number(i, "ci_delta");
    return abs != null && ci != null && StatsigTerms.moved(abs, ci);
  }

  private static List<String> thinResults(ResultTable t) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      Double test = t.number(i, "test_units");
      Double control = t.number(i, "control_units");
      if (test != null && control != null && Math.min(test, control) < MIN_UNITS) {
        out.add("Too few exposures for " + t.text(i, "metric_id") + " (" + t.text(i, "test_group_name") + "): "
            + Numbers.count(test) + " test and " + Numbers.count(control) + " control units, under " + MIN_UNITS
            + "; treat the result as noise.");
      }
    }
    return out;
  }

  private Narration results(Plan plan, ResultTable t) {
    String experiment = plan.slot(Slot.EXPERIMENT);
    String metric = plan.slot(Slot.METRIC);
    if (t.size() == 0) {
      return new Narration("No results for " + experiment + (metric == null ? "" : " on " + metric) + ".",
          List.of(experiment + " has no pulse results" + (metric == null ? "" : " for " + metric)
              + ": it may not measure it, or may not have started."), ChartSpec.table(experiment));
    }
    List<String> lines = new ArrayList<>();
    long significant = 0;
    for (int i = 0; i < t.size(); i++) {
      significant += moved(t, i) ? 1 : 0;
      String means = t.columns().contains("test_mean") && t.number(i, "test_mean") != null
          ? " [test mean " + Numbers.value(t.number(i, "test_mean")) + ", control mean "
              + Numbers.value(t.number(i, "control_mean")) + "]" : "";
      String who = t.columns().contains("experiment_id") ? t.text(i, "experiment_id") + " " : "";
      lines.add(who + t.text(i, "test_group_name") + " vs control on " + t.text(i, "metric_id") + ": " + resultLine(t, i)
          + means);
    }
    String lead = metric != null
        ? (significant > 0 ? "Yes: " + experiment + " moved " + metric + " significantly." 
            : "No: " + experiment + " did not move " + metric + " significantly.")
        : experiment + ": " + significant + " of " + t.size() + " results are significant.";
    return new Narration(lead + " " + String.join("; ", lines) + ".", thinResults(t),
        lift(experiment, t, !t.columns().contains("experiment_id")));
  }

  private static ChartSpec lift(String title, ResultTable t, boolean labelByMetric) {
    List<String> categories = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> intervals = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.number(i, "percent_change") == null) {
        continue;
      }
      categories.add((labelByMetric ? t.text(i, "metric_id") : t.text(i, "experiment_id")) + " · " + t.text(i, "test_group_name"));
      values.add(t.number(i, "percent_change"));
      intervals.add(t.number(i, "percent_ci_delta"));
    }
    if (categories.isEmpty()) {
      return ChartSpec.table(title);
    }
    return new ChartSpec(ChartSpec.Kind.LIFT, title, "result", "change (%)", categories,
        List.of(new ChartSpec.Series("change", values)), intervals);
  }

  private Narration decisions(Plan plan, ResultTable t) {
    String verb = plan.slot(Slot.DECISION);
    String when = plan.period() == null ? "" : " " + plan.period().label() + " (" + plan.period().start() + " to "
        + plan.period().end() + ")";
    if (t.size() == 0) {
      return new Narration("No experiments " + verb + when + ".", List.of(), ChartSpec.table("experiments " + verb));
    }
    if ("count".equals(plan.slot(Slot.LIMIT))) {
      return new Narration(t.size() + " experiment" + (t.size() == 1 ? "" : "s") + " " + verb + when + ".", List.of(),
          ChartSpec.table("experiments " + verb));
    }
    StringBuilder s = new StringBuilder(t.size() + " experiment" + (t.size() == 1 ? "" : "s") + " " + verb + when
        + ": " + names(t, "experiment_id") + ".");
    String metric = plan.slot(Slot.METRIC);
    if (metric == null) {
      return new Narration(s.toString(), List.of(), ChartSpec.table("experiments " + verb));
    }
    List<String> measured = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.number(i, "percent_change") != null) {
        measured.add(t.text(i, "experiment_id") + " " + resultLine(t, i));
      }
    }
    s.append(" On ").append(metric).append(": ");
    s.append(measured.isEmpty() ? "none of them measures it." : String.join("; ", measured) + ".");
    if (!measured.isEmpty() && measured.size() < t.size()) {
      s.append(" The other ").append(t.size() - measured.size()).append(" do not measure ").append(metric).append('.');
    }
    return new Narration(s.toString(), thinResults(t), lift("experiments " + verb + " · " + metric, t, false));
  }

  private static Narration gateSplit(Plan plan, ResultTable t) {
    String gate = plan.slot(Slot.GATE);
    if (t.size() == 0) {
      return new Narration("No rule results for the gate " + gate + ".",
          List.of(gate + " has no rule results yet: it may be new or have no checks."), ChartSpec.table(gate));
    }
    double passed = 0;
    double failed = 0;
    List<String> rules = new ArrayList<>();
    List<Double> pass = new ArrayList<>();
    List<Double> fail = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      double p = t.number(i, "units_passed");
      double f = t.number(i, "units_failed");
      passed += p;
      failed += f;
      rules.add(t.text(i, "rule_name"));
      pass.add(p);
      fail.add(f);
    }
    List<String> perRule = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      perRule.add(rules.get(i) + " " + Numbers.share(pass.get(i), pass.get(i) + fail.get(i)) + " passed of "
          + Numbers.count(pass.get(i) + fail.get(i)));
    }
    String summary = "Exposure split on " + gate + ": " + Numbers.count(passed) + " units passed ("
        + Numbers.share(passed, passed + failed) + ") and " + Numbers.count(failed) + " failed ("
        + Numbers.share(failed, passed + failed) + ") across " + rules.size() + " rules; " + String.join("; ", perRule) + ".";
    List<String> caveats = passed + failed < MIN_UNITS
        ? List.of("Only " + Numbers.count(passed + failed) + " units reached " + gate + ": too few to read much into the split.")
        : List.of();
    return new Narration(summary, caveats, new ChartSpec(ChartSpec.Kind.BAR, "Exposure split · " + gate, "rule", "units",
        rules, List.of(new ChartSpec.Series("passed", pass), new ChartSpec.Series("failed", fail)), null));
  }

  /** A number from an attached table per experiment group, each test group against control. */
  private static Narration joinedByGroup(Plan plan, ResultTable t) {
    String experiment = plan.slot(Slot.EXPERIMENT);
    String column = plan.slot(Slot.COLUMN);
    if (t.size() == 0) {
      return new Narration("No rows of " + plan.slot(Slot.TABLE) + " for the groups of " + experiment + ".",
          List.of(plan.slot(Slot.TABLE) + " has no rows whose group id is one of " + experiment + "'s groups."),
          ChartSpec.table(column));
    }
    Double control = null;
    for (int i = 0; i < t.size(); i++) {
      if (Boolean.TRUE.equals(t.value(i, "is_control"))) {
        control = t.number(i, column);
      }
    }
    List<String> groups = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      double v = t.number(i, column);
      boolean isControl = Boolean.TRUE.equals(t.value(i, "is_control"));
      groups.add(t.text(i, "experiment_group"));
      values.add(v);
      parts.add(t.text(i, "experiment_group") + " " + Numbers.value(v)
          + (t.columns().contains("users") ? " (" + Numbers.count(t.number(i, "users")) + " users)" : "")
          + (isControl || control == null || control == 0 ? ""
              : ", " + Numbers.change(100 * (v - control) / control) + " against control"));
    }
    List<String> caveats = new ArrayList<>(List.of("These numbers come from " + plan.slot(Slot.TABLE)
        + ", not from Statsig's results: no confidence interval or significance test."));
    if (control == null) {
      caveats.add("No control group among the rows, so no change is computed.");
    }
    return new Narration(column + " by group of " + experiment + ": " + String.join("; ", parts) + ".", caveats,
        new ChartSpec(ChartSpec.Kind.BAR, column + " by group · " + experiment, "group", column, groups,
            List.of(new ChartSpec.Series(column, values)), null));
  }

  private static Narration experimentSplit(Plan plan, ResultTable t) {
    String experiment = plan.slot(Slot.EXPERIMENT);
    if (t.size() == 0) {
      return new Narration("No exposures recorded for " + experiment + ".",
          List.of(experiment + " has no exposures" + (plan.period() == null ? "" : " in " + plan.period().label())
              + ": it may not have started."), ChartSpec.table(experiment));
    }
    double total = 0;
    for (int i = 0; i < t.size(); i++) {
      total += t.number(i, "exposures");
    }
    List<String> groups = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      double n = t.number(i, "exposures");
      groups.add(t.text(i, "group_name"));
      values.add(n);
      parts.add(t.text(i, "group_name") + " " + Numbers.count(n) + " (" + Numbers.share(n, total) + ")");
    }
    List<String> caveats = new ArrayList<>();
    if (total < MIN_UNITS) {
      caveats.add("Only " + Numbers.count(total) + " exposures: too few for the split to mean much.");
    }
    sampleRatioMismatch(t, total).ifPresent(caveats::add);
    if (t.columns().contains("as_of")) {
      caveats.add("Exposures are running totals: each group's count is read on its last day (" + t.text(0, "as_of")
          + "), not summed over days.");
    }
    return new Narration("Exposure split on " + experiment + (plan.period() == null ? "" : " in " + plan.period())
        + ": " + Numbers.count(total) + " exposures; "
        + String.join(", ", parts) + ".", caveats, new ChartSpec(ChartSpec.Kind.BAR, "Exposure split · " + experiment,
        "group", "exposures", groups, List.of(new ChartSpec.Series("exposures", values)), null));
  }

  /** Chi-square critical values at p = 0.001 for 1 to 5 degrees of freedom. */
  private static final double[] CHI_SQUARE_001 = {10.83, 13.82, 16.27, 18.47, 20.52};

  /**
   * A split far from the groups' planned sizes (chi-square test at p < 0.001): the assignment or
   * the logging is broken, and the results cannot be trusted.
   */
  private static Optional<String> sampleRatioMismatch(ResultTable t, double total) {
    int groups = t.size();
    if (!t.columns().contains("planned_size") || groups < 2 || groups > CHI_SQUARE_001.length + 1 || total <= 0) {
      return Optional.empty();
    }
    double planned = 0;
    for (int i = 0; i < groups; i++) {
      Double size = t.number(i, "planned_size");
      if (size == null || size <= 0) {
        return Optional.empty();
      }
      planned += size;
    }
    double chi = 0;
    List<String> shares = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      double expected = total * t.number(i, "planned_size") / planned;
      double observed = t.number(i, "exposures");
      chi += (observed - expected) * (observed - expected) / expected;
      shares.add(t.text(i, "group_name") + " " + Numbers.share(observed, total) + " (planned "
          + Numbers.share(t.number(i, "planned_size"), planned) + ")");
    }
    if (chi <= CHI_SQUARE_001[groups - 2]) {
      return Optional.empty();
    }
    return Optional.of("Sample ratio mismatch: " + String.join(", ", shares) + "; chi-square "
        + String.format(java.util.Locale.ROOT, "%.1f", chi) + ", p < 0.001. The assignment or its logging may be"
        + " broken: do not trust this experiment's results until it is explained.");
  }

  private static Narration trend(Plan plan, ResultTable t) {
    String metric = plan.slot(Slot.METRIC);
    List<String> days = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.number(i, "value") != null) {
        days.add(t.text(i, "ds"));
        values.add(t.number(i, "value"));
      }
    }
    if (values.isEmpty()) {
      return new Narration("No values of " + metric + " in " + plan.period() + ".", List.of(), ChartSpec.table(metric));
    }
    int low = IntStream.range(0, values.size()).boxed().min((a, b) -> Double.compare(values.get(a), values.get(b))).orElseThrow();
    int high = IntStream.range(0, values.size()).boxed().max((a, b) -> Double.compare(values.get(a), values.get(b))).orElseThrow();
    double first = values.get(0);
    double last = values.get(values.size() - 1);
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    String summary = metric + " over " + plan.period() + ": from " + Numbers.value(first) + " on " + days.get(0)
        + " to " + Numbers.value(last) + " on " + days.get(days.size() - 1)
        + (first == 0 ? "" : " (" + Numbers.change(100 * (last - first) / first) + ")") + "; low "
        + Numbers.value(values.get(low)) + " on " + days.get(low) + ", high " + Numbers.value(values.get(high)) + " on "
        + days.get(high) + ", mean " + Numbers.value(mean) + " over " + values.size() + " days.";
    List<String> caveats = values.size() < plan.period().days()
        ? List.of("Values for " + (plan.period().days() - values.size()) + " of " + plan.period().days() + " days are missing.")
        : List.of();
    // One day is a value, not a one-point line.
    return new Narration(summary, caveats, new ChartSpec(values.size() == 1 ? ChartSpec.Kind.VALUE : ChartSpec.Kind.LINE,
        metric, "day", metric, days, List.of(new ChartSpec.Series(metric, values)), null));
  }

  private static Narration rollout(Plan plan, ResultTable t) {
    String gate = plan.slot(Slot.GATE);
    if (t.size() == 0) {
      return new Narration("No gate " + gate + ".", List.of(), ChartSpec.table(gate));
    }
    boolean enabled = Boolean.TRUE.equals(t.value(0, "is_enabled"));
    List<String> rules = new ArrayList<>();
    List<Double> percentages = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.text(i, "rule_name") != null) {
        double pct = t.number(i, "pass_percentage");
        rules.add(t.text(i, "rule_name"));
        percentages.add(pct);
        parts.add(t.text(i, "rule_name") + " " + Numbers.value(pct) + "%");
      }
    }
    String summary = gate + " is " + t.text(0, "status") + " and " + (enabled ? "enabled" : "disabled") + " with "
        + rules.size() + " rule" + (rules.size() == 1 ? "" : "s") + (parts.isEmpty() ? "." : ": " + String.join(", ", parts) + ".");
    return new Narration(summary, List.of(), rules.isEmpty() ? ChartSpec.table(gate)
        : new ChartSpec(ChartSpec.Kind.BAR, "Rollout · " + gate, "rule", "pass percentage", rules,
            List.of(new ChartSpec.Series("pass %", percentages)), null));
  }
}
