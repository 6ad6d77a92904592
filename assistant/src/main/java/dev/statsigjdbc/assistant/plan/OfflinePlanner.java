package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;

/**
 * The default planner: no model, no network. Recognises a fixed set of intents by their wording,
 * fills their slots from the live entity lexicon and the time phrases, and builds each query as a
 * SQL tree.
 */
public final class OfflinePlanner implements Planner {
  /** Metric values come one day per tool call: longer trends are cut to this many recent days. */
  static final int MAX_TREND_DAYS = 92;
  /** A trend without a time phrase covers this one. */
  static final String DEFAULT_TREND = "last 30 days";
  /** How many names to offer when a question's experiment or gate matched none. */
  private static final int NAMES_OFFERED = 8;

  private static final Pattern SPLIT = Pattern.compile(
      "\\b(exposure split|split|exposures|exposure|traffic|pass rate|pass(?! percentage)|passed|passing|fail|failed|failing)\\b");
  private static final Pattern DECISIONS = Pattern.compile("\\b(ship|shipped|launched|decided|decision|decisions)\\b");
  private static final Pattern ROLLOUT = Pattern.compile(
      "\\b(rollout|rolled out|rolling out|pass percentage|rules|rule|state|enabled|status)\\b");
  private static final Pattern TREND = Pattern.compile(
      "\\b(trend|trending|over time|daily|per day|by day|each day|how has|how did|changed|history|values?)\\b");
  private static final Pattern COMPARE = Pattern.compile("\\b(compare|comparison|versus|vs|groups|variants|arms)\\b");
  private static final Pattern EFFECT = Pattern.compile(
      "\\b(move|moved|effect|impact|lift|affect|affected|do to|did to|result|results|significant|change|improve|improved|win|hurt)\\b");
  private static final Pattern COUNT = Pattern.compile("\\b(how many|count|number of)\\b");
  private static final Pattern TAGGED = Pattern.compile("\\b(tag|tags|tagged)\\b");
  private static final Pattern ONE_EXPERIMENT = Pattern.compile("\\b(experiment|test)\\b");
  private static final Pattern ONE_GATE = Pattern.compile("\\b(gate|flag)\\b");
  private static final Pattern LIST = Pattern.compile("\\b(list|show|which|what|all|give me|name)\\b");

  @Override
  public Plan plan(String question, PlanningContext context) {
    String text = Words.normalize(question);
    List<String> words = Words.of(question);
    EntityLexicon lexicon = context.lexicon();
    Optional<Period> period = new TimePhrases(context.today()).find(text);

    // A tag named after "tagged" is a filter, and its words name nothing else ("tagged onboarding").
    Optional<EntityLexicon.Match> tagMatch = TAGGED.matcher(text).find()
        ? lexicon.find(EntityKind.TAG, words).filter(EntityLexicon.Match::exact) : Optional.empty();
    Optional<Entity> tag = tagMatch.map(EntityLexicon.Match::entity);
    Map<EntityKind, EntityLexicon.Match> named =
        EntityResolver.resolve(lexicon, tagMatch.map(m -> m.remove(words)).orElse(words));
    Optional<EntityLexicon.Match> metric = Optional.ofNullable(named.get(EntityKind.METRIC));
    Optional<EntityLexicon.Match> gate = Optional.ofNullable(named.get(EntityKind.GATE));
    Optional<EntityLexicon.Match> experiment = Optional.ofNullable(named.get(EntityKind.EXPERIMENT));
    boolean saysGate = words.contains("gate") || words.contains("flag");
    boolean saysExperiment = words.contains("experiment") || words.contains("test");
    Optional<ListTarget> listed = listTarget(text);

    // A gate is meant when the question says "gate" or names one exactly and no experiment as well.
    boolean gateMeant = gate.isPresent() && (saysGate && !saysExperiment
        || gate.get().exact() && experiment.map(e -> !e.exact()).orElse(true));
    if (SPLIT.matcher(text).find()) {
      if (gateMeant) {
        return gateSplit(gate.get().entity());
      }
      if (experiment.isPresent()) {
        return experimentSplit(experiment.get().entity(), period);
      }
    }
    if (COUNT.matcher(text).find() && listed.isPresent()) {
      return count(listed.get(), text, tag);
    }
    if (DECISIONS.matcher(text).find() && listed.map(t -> t.table().equals("experiments")).orElse(!saysGate)
        && experiment.map(e -> !e.exact()).orElse(true)) {
      return decisions(text, metric, period);
    }
    if (gateMeant && ROLLOUT.matcher(text).find()) {
      return gateRollout(gate.get().entity());
    }
    if (experiment.isPresent() && !gateMeant) {
      Optional<Plan> joined = AttachedJoin.plan(text, experiment.get().entity(), context.tables());
      if (joined.isPresent()) {
        return joined.get();
      }
      if (COMPARE.matcher(text).find() && metric.isEmpty()) {
        return experimentResults(Intent.COMPARE_GROUPS, experiment.get().entity(), null, period);
      }
      if (EFFECT.matcher(text).find() || metric.isPresent()) {
        return experimentResults(Intent.EXPERIMENT_EFFECT, experiment.get().entity(),
            metric.map(EntityLexicon.Match::entity).orElse(null), period);
      }
    }
    if (metric.isPresent() && (TREND.matcher(text).find() || period.isPresent())) {
      return trend(metric.get().entity(), period.orElse(null), context);
    }
    // "the zebra gate" (one, by name) matching nothing is not a request for the list of gates.
    Optional<Plan> unnamed = unnamedEntity(lexicon, text, experiment.isEmpty() && ONE_EXPERIMENT.matcher(text).find(),
        gate.isEmpty() && ONE_GATE.matcher(text).find(), metric.isEmpty());
    if (unnamed.isPresent()) {
      return unnamed.get();
    }
    if (listed.isPresent() && LIST.matcher(text).find()) {
      return list(listed.get(), text, tag);
    }
    return Plan.notUnderstood("I can't answer that one yet: I understand questions about experiments' effects on"
        + " metrics, what shipped in a period, exposure splits of gates and experiments, metric trends, gate"
        + " rollout state, and listing or counting experiments, gates, metrics, tags, configs, layers and segments.",
        suggestions(lexicon));
  }

  /** A question of a known kind whose experiment, gate or metric matched nothing: say which names exist. */
  private static Optional<Plan> unnamedEntity(EntityLexicon lexicon, String text, boolean noExperiment, boolean noGate,
      boolean noMetric) {
    boolean asksResults = EFFECT.matcher(text).find() || SPLIT.matcher(text).find() || COMPARE.matcher(text).find();
    if (noExperiment && asksResults) {
      List<String> ids = ids(lexicon, EntityKind.EXPERIMENT);
      return Optional.of(Plan.notUnderstood("I couldn't tell which experiment you mean. Experiments include "
          + String.join(", ", ids) + ".", List.of("Compare the groups of " + ids.get(0),
          "What is the exposure split of " + ids.get(0) + "?")));
    }
    if (noGate && (asksResults || ROLLOUT.matcher(text).find())) {
      List<String> ids = ids(lexicon, EntityKind.GATE);
      return Optional.of(Plan.notUnderstood("I couldn't tell which gate you mean. Gates include "
          + String.join(", ", ids) + ".", List.of("What is the exposure split on the " + ids.get(0) + " gate?",
          "What is the rollout state of the " + ids.get(0) + " gate?")));
    }
    if (noMetric && TREND.matcher(text).find() && !lexicon.all(EntityKind.METRIC).isEmpty()) {
      List<String> names = lexicon.all(EntityKind.METRIC).stream().map(Entity::name).sorted().toList();
      return Optional.of(Plan.notUnderstood("I couldn't tell which metric you mean. Metrics: " + String.join(", ", names)
          + ".", List.of("How has " + names.get(0) + " trended over the last 30 days?")));
    }
    return Optional.empty();
  }

  /** Questions it can answer, about entities that exist in this org. */
  static List<String> suggestions(EntityLexicon lexicon) {
    List<String> out = new ArrayList<>();
    Optional<String> metric = lexicon.all(EntityKind.METRIC).stream().map(Entity::name).sorted().findFirst();
    Optional<String> experiment = ids(lexicon, EntityKind.EXPERIMENT).stream().findFirst();
    Optional<String> gate = ids(lexicon, EntityKind.GATE).stream().findFirst();
    out.add("Which experiments shipped this quarter" + metric.map(m -> " and what did they do to " + m).orElse("") + "?");
    gate.ifPresent(g -> out.add("What is the exposure split on the " + g + " gate?"));
    experiment.ifPresent(e -> out.add("Did " + e + " move " + metric.orElse("its metrics") + "?"));
    metric.ifPresent(m -> out.add("How has " + m + " trended over the last 30 days?"));
    out.add("How many experiments are active?");
    gate.ifPresent(g -> out.add("What is the rollout state of the " + g + " gate?"));
    return out;
  }

  private static List<String> ids(EntityLexicon lexicon, EntityKind kind) {
    return lexicon.all(kind).stream().map(Entity::id).sorted().limit(NAMES_OFFERED).toList();
  }

  private static Plan count(ListTarget target, String text, Optional<Entity> tag) {
    Filters filters = filters(target, text, tag);
    SqlNode query = Select.from(Sql.table(target.table(), "t"))
        .columns(Sql.as(Sql.countStar(), "count"))
        .where(filters.condition())
        .build();
    return Plan.understood(Intent.COUNT_ENTITIES, query, filters.slots(), null,
        "Counts " + target.table() + filters.description() + ".");
  }

  private static Plan list(ListTarget target, String text, Optional<Entity> tag) {
    Filters filters = filters(target, text, tag);
    SqlNode query = Select.from(Sql.table(target.table(), "t"))
        .columns(target.columns().stream().map(c -> Sql.col("t", c)).toArray(SqlNode[]::new))
        .where(filters.condition())
        .orderBy(Sql.col("t", "id"))
        .build();
    return Plan.understood(Intent.LIST_ENTITIES, query, filters.slots(), null,
        "Lists " + target.table() + filters.description() + ".");
  }

  /** The status and tag a list or count is narrowed to, as a condition, slots and words. */
  private record Filters(SqlNode condition, Map<Slot, String> slots, String description) {}

  private static Filters filters(ListTarget target, String text, Optional<Entity> tag) {
    Optional<String> status = status(target, text).map(Map.Entry::getValue);
    Optional<String> tagName = tag.filter(t -> target.tagged()).map(Entity::name);
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.TABLE, target.table());
    status.ifPresent(s -> slots.put(Slot.STATUS, s));
    tagName.ifPresent(t -> slots.put(Slot.TAG, t));
    // Tags are a JSON array of names held as text: match the quoted name.
    SqlNode condition = Sql.and(status.map(s -> Sql.eq(Sql.col("t", "status"), Sql.text(s))).orElse(null),
        tagName.map(t -> Sql.like(Sql.col("t", "tags"), Sql.text("%\"" + t + "\"%"))).orElse(null));
    return new Filters(condition, slots, status.map(s -> " with status " + s).orElse("")
        + tagName.map(t -> " tagged " + t).orElse(""));
  }

  private static Plan decisions(String text, Optional<EntityLexicon.Match> metric, Optional<Period> period) {
    boolean shippedOnly = Pattern.compile("\\b(ship|shipped|launched)\\b").matcher(text).find();
    List<SqlNode> columns = new ArrayList<>(List.of(Sql.as(Sql.col("e", "id"), "experiment_id"),
        Sql.as(Sql.col("e", "end_time"), "decided_at")));
    SqlNode from = Sql.table("experiments", "e");
    if (metric.isPresent()) {
      // The effect of the group that was launched, on the named metric; experiments without it still list.
      from = Sql.leftJoin(from, Sql.table("experiment_results", "r"), Sql.and(
          Sql.eq(Sql.col("r", "experiment_id"), Sql.col("e", "id")),
          Sql.eq(Sql.col("r", "metric_id"), Sql.text(metric.get().entity().id())),
          Sql.eq(Sql.col("r", "test_group_id"), Sql.col("e", "launched_group_id"))));
      columns.addAll(resultColumns("r"));
    }
    Select select = Select.from(from).columns(columns.toArray(SqlNode[]::new))
        .where(shippedOnly ? StatsigTerms.shipped("e") : StatsigTerms.decided("e"))
        .orderBy(Sql.desc(Sql.col("e", "end_time")), Sql.col("e", "id"));
    period.ifPresent(p -> select
        .where(Sql.atLeast(Sql.col("e", "end_time"), Sql.startOf(p.start())))
        .where(Sql.below(Sql.col("e", "end_time"), Sql.startOf(p.end().plusDays(1)))));
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.DECISION, shippedOnly ? "shipped" : "decided");
    metric.ifPresent(m -> slots.put(Slot.METRIC, m.entity().id()));
    return Plan.understood(Intent.DECISIONS, select.build(), slots, period.orElse(null),
        "Experiments " + (shippedOnly ? "shipped (a decision launched a test group)" : "with a decision")
            + period.map(p -> " in " + p).orElse("")
            + metric.map(m -> ", with the launched group's result on " + m.entity().id()).orElse("") + ".");
  }

  private static Plan experimentResults(Intent intent, Entity experiment, Entity metric, Optional<Period> period) {
    Select select = Select.from(Sql.table("experiment_results", "r"))
        .columns(resultColumns("r").toArray(SqlNode[]::new))
        .where(Sql.eq(Sql.col("r", "experiment_id"), Sql.text(experiment.id())))
        .where(metric == null ? null : Sql.eq(Sql.col("r", "metric_id"), Sql.text(metric.id())))
        .orderBy(Sql.col("r", "metric_id"), Sql.col("r", "test_group_name"));
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.EXPERIMENT, experiment.id());
    if (metric != null) {
      slots.put(Slot.METRIC, metric.id());
    }
    return Plan.understood(intent, select.build(), slots, period.orElse(null),
        "Results of " + experiment.id() + (metric == null ? " on every metric" : " on " + metric.id())
            + ", each test group against control at the experiment's confidence level.");
  }

  private static List<SqlNode> resultColumns(String alias) {
    return List.of("test_group_name", "metric_id", "percent_change", "percent_ci_delta", "p_value",
        "absolute_change", "ci_delta", "test_units", "control_units").stream()
        .map(c -> (SqlNode) Sql.col(alias, c)).toList();
  }

  private static Plan gateSplit(Entity gate) {
    // Rule results repeat per metric with the same unit counts, so MAX (not SUM) gives each rule's units.
    SqlNode query = Select.from(Sql.table("gate_results", "g"))
        .columns(Sql.col("g", "rule_name"), Sql.as(Sql.max(Sql.col("g", "units_passed")), "units_passed"),
            Sql.as(Sql.max(Sql.col("g", "units_failed")), "units_failed"))
        .where(Sql.eq(Sql.col("g", "gate_id"), Sql.text(gate.id())))
        .groupBy(Sql.col("g", "rule_name"))
        .orderBy(Sql.col("g", "rule_name"))
        .build();
    return Plan.understood(Intent.GATE_EXPOSURE_SPLIT, query, Map.of(Slot.GATE, gate.id()), null,
        "Units that passed and failed each rule of the gate " + gate.id() + ".");
  }

  private static Plan experimentSplit(Entity experiment, Optional<Period> period) {
    Select select = Select.from(Sql.table("experiment_exposures", "x"))
        .columns(Sql.col("x", "group_name"), Sql.as(Sql.sum(Sql.col("x", "exposures")), "exposures"))
        .where(Sql.eq(Sql.col("x", "experiment_id"), Sql.text(experiment.id())))
        .groupBy(Sql.col("x", "group_name"))
        .orderBy(Sql.col("x", "group_name"));
    period.ifPresent(p -> select.where(Sql.atLeast(Sql.col("x", "ds"), Sql.date(p.start())))
        .where(Sql.atMost(Sql.col("x", "ds"), Sql.date(p.end()))));
    return Plan.understood(Intent.EXPERIMENT_EXPOSURE_SPLIT, select.build(), Map.of(Slot.EXPERIMENT, experiment.id()),
        period.orElse(null), "Exposures per group of " + experiment.id() + period.map(p -> " in " + p).orElse("") + ".");
  }

  private static Plan gateRollout(Entity gate) {
    SqlNode query = Select.from(Sql.leftJoin(Sql.table("gates", "g"), Sql.table("gate_rules", "r"),
            Sql.eq(Sql.col("r", "gate_id"), Sql.col("g", "id"))))
        .columns(Sql.col("g", "status"), Sql.col("g", "is_enabled"), Sql.as(Sql.col("r", "name"), "rule_name"),
            Sql.col("r", "pass_percentage"), Sql.col("r", "environment"))
        .where(Sql.eq(Sql.col("g", "id"), Sql.text(gate.id())))
        .build();
    return Plan.understood(Intent.GATE_ROLLOUT, query, Map.of(Slot.GATE, gate.id()), null,
        "Status of the gate " + gate.id() + " and the pass percentage of each rule.");
  }

  private static Plan trend(Entity metric, Period asked, PlanningContext context) {
    Period period = asked != null ? asked : new TimePhrases(context.today()).find(DEFAULT_TREND).orElseThrow();
    Period used = trendWindow(period, context.today());
    SqlNode query = Select.from(Sql.table("metric_values", "v"))
        .columns(Sql.col("v", "ds"), Sql.col("v", "value"))
        .where(Sql.eq(Sql.col("v", "metric_id"), Sql.text(metric.id())))
        .where(Sql.atLeast(Sql.col("v", "ds"), Sql.date(used.start())))
        .where(Sql.atMost(Sql.col("v", "ds"), Sql.date(used.end())))
        .orderBy(Sql.col("v", "ds"))
        .build();
    return Plan.understood(Intent.METRIC_TREND, query, Map.of(Slot.METRIC, metric.id()), used,
        "Daily values of " + metric.id() + " over " + used + (used.start().equals(period.start()) ? "" : "; Statsig serves one day"
            + " per call, so the trend covers the last " + MAX_TREND_DAYS + " days of " + period.label()) + ".");
  }

  /**
   * The days a trend over {@code period} reads: not today (today's value is not in yet; a
   * metric's days end yesterday), and at most the last {@value #MAX_TREND_DAYS}.
   */
  public static Period trendWindow(Period period, LocalDate today) {
    Period ended = !period.end().isBefore(today) && period.start().isBefore(today)
        ? period.endingOn(today.minusDays(1)) : period;
    return ended.lastDays(MAX_TREND_DAYS);
  }

  private static Optional<ListTarget> listTarget(String text) {
    for (ListTarget target : ListTarget.ALL) {
      for (String name : target.names()) {
        if (Pattern.compile("\\b" + Pattern.quote(name) + "s?\\b").matcher(text).find()) {
          return Optional.of(target);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Map.Entry<String, String>> status(ListTarget target, String text) {
    return target.statuses().entrySet().stream()
        .filter(s -> Pattern.compile("\\b" + Pattern.quote(s.getKey()) + "\\b").matcher(text).find())
        .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())));
  }
}
