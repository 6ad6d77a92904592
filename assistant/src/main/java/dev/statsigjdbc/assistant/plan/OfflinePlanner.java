package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.plan.QuestionLanguage.Dimension;
import dev.statsigjdbc.assistant.plan.QuestionLanguage.Subject;
import dev.statsigjdbc.assistant.plan.QuestionLanguage.TimeColumn;
import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;

/**
 * The default planner: no model, no network. Every word of a question must be used by the plan
 * (a name, a filter, a period, a grouping, an ordering, a limit, an intent's keyword) or be
 * filler; otherwise it declines and says which words it did not understand. Questions about one
 * experiment, gate or metric have their own query shapes; lists and counts of anything declared
 * in {@link QuestionLanguage} are composed ({@link SubjectQuery}).
 */
public final class OfflinePlanner implements Planner {
  /** Metric values come one day per tool call: longer trends are cut to this many recent days. */
  static final int MAX_TREND_DAYS = 92;
  /** A trend without a time phrase covers this one. */
  static final String DEFAULT_TREND = "last 30 days";
  /** How many names to offer when a question's experiment or gate matched none. */
  private static final int NAMES_OFFERED = 8;

  private static final Phrases PASS_PERCENTAGE = Phrases.of("pass percentage", "rollout percentage", "percent rolled out");
  private static final Phrases SPLIT = Phrases.of("exposure split", "split", "exposures", "exposure", "traffic",
      "pass rate", "pass fail", "pass vs fail", "pass versus fail", "pass", "passed", "passing", "fail", "failed", "failing",
      "by rule", "per rule", "between groups", "between the groups", "allocated");
  private static final Phrases USERS_IN = Phrases.of("how many users", "how many people", "how many units",
      "how many exposures", "number of users", "sample size", "how many users are in", "enrolled", "exposed");
  private static final Phrases SHIPPED = Phrases.of("ship", "shipped", "launched", "rolled out");
  private static final Phrases DECIDED = Phrases.of("decided", "decision", "decisions", "made a decision",
      "had a decision", "concluded");
  private static final Phrases ROLLOUT = Phrases.of("rollout state", "rollout status", "rollout", "rolled out",
      "rolling out", "how far", "rules", "rule", "state", "enabled", "status", "turned on");
  private static final Phrases TREND = Phrases.of("trend", "trended", "trending", "over time", "daily", "per day", "by day",
      "each day", "how has", "how did", "history", "values", "value", "chart", "plot", "time series");
  private static final Phrases COMPARE = Phrases.of("compare", "comparison", "versus", "vs", "groups", "variants", "arms",
      "against each other");
  private static final Phrases EFFECT = Phrases.of("move", "moved", "effect", "impact", "lift", "affect", "affected",
      "do to", "did to", "result", "results", "significant", "significantly", "change", "improve", "improved", "win",
      "p value", "confidence interval", "significance",
      "won", "hurt", "work", "help", "helped", "outcome", "pulse");
  private static final Phrases OWNER_QUESTION = Phrases.of("who owns", "who created", "who made", "who runs",
      "who is running", "who started", "who is the owner of", "who is the owner", "owner of", "who is the creator of",
      "creator of", "who built");
  private static final Phrases OWNER = Phrases.of("who owns", "who created", "who made", "who runs", "who is running",
      "who started", "who is the owner of", "who is the owner", "owner of", "owner", "owns", "who is the creator of",
      "creator of", "creator", "who built");
  private static final Phrases DURATION = Phrases.of("when did", "when was", "start date", "end date", "how long did",
      "how long has", "how long", "duration of",
      "duration", "how many days did", "how many days has", "run for", "been running", "run", "ran", "running", "last",
      "start", "started", "end", "ended", "launch", "launched");
  private static final Phrases HISTORY = Phrases.of("audit log", "audit history", "change history", "changelog",
      "change log", "history of", "history", "who changed", "what changed", "changes to", "changes", "changed",
      "edits", "edited", "modified", "who modified", "who edited", "who touched", "touched");
  private static final Phrases RANK_UP = Phrases.of("biggest lift", "largest lift", "highest lift", "most lift",
      "biggest increase", "largest increase", "biggest gain", "best result", "best", "most positive", "biggest win",
      "moved the most", "biggest effect", "biggest impact", "largest effect", "biggest change", "improved the most",
      "increased the most", "most improved", "helped the most");
  private static final Phrases RANK_DOWN = Phrases.of("biggest drop", "largest drop", "biggest decrease",
      "largest decrease", "worst result", "worst", "most negative", "hurt the most", "biggest loss");
  private static final Phrases EXPERIMENT_NOUN = Phrases.of("experiment", "test", "a b test", "ab test");
  private static final Phrases GATE_NOUN = Phrases.of("feature gate", "feature flag", "gate", "flag");
  private static final Phrases METRIC_NOUN = Phrases.of("metric", "kpi");
  private static final Phrases CONTROL_AND_TEST = Phrases.of("test and control", "control and test",
      "treatment and control", "control and treatment");
  private static final Phrases GROUP_WORDS = Phrases.of("per group", "by group", "between groups", "between the groups",
      "per variant", "by variant", "per arm", "each group");
  private static final Phrases UP_VERB = Phrases.of("improved", "increased", "moved", "helped", "lifted", "raised", "grew");
  private static final Phrases DOWN_VERB = Phrases.of("hurt", "decreased", "dropped", "lowered", "reduced");
  private static final Phrases THE_MOST = Phrases.of("the most", "most");
  private static final Phrases TEST_AND_CONTROL = Phrases.of("test and control", "control and test", "treatment and control",
      "control and treatment", "control", "test group", "treatment", "each group", "both groups", "the two rates", "group");

  private static final Phrases HISTORY_NOUNS = Phrases.of("audit log", "audit history", "change history", "changelog",
      "change log", "history", "who changed", "what changed", "changes to");
  /** Words that ask about one experiment, gate or metric (its results, split, owner, history), not a list. */
  private static final List<Phrases> ABOUT_ONE = List.of(SPLIT, USERS_IN, EFFECT, COMPARE, OWNER_QUESTION, HISTORY_NOUNS, RANK_UP,
      RANK_DOWN);

  /** Every keyword of every intent: not typos. */
  private static final Set<String> KEYWORDS = keywords();

  private static Set<String> keywords() {
    Set<String> out = new HashSet<>(SubjectQuery.KEYWORDS);
    for (Phrases p : List.of(PASS_PERCENTAGE, SPLIT, USERS_IN, SHIPPED, DECIDED, ROLLOUT, TREND, COMPARE, EFFECT, OWNER,
        DURATION, HISTORY, RANK_UP, RANK_DOWN, EXPERIMENT_NOUN, GATE_NOUN, METRIC_NOUN, TEST_AND_CONTROL, GROUP_WORDS,
        UP_VERB, DOWN_VERB)) {
      out.addAll(p.words());
    }
    out.addAll(List.of("who", "long", "users", "people", "units", "many", "much", "per", "user", "quarter"));
    return out;
  }

  public OfflinePlanner() {
    QuestionLanguage.checkAgainstCatalog();
  }

  @Override
  public Plan plan(String question, PlanningContext context) {
    EntityLexicon lexicon = context.lexicon();
    KnownWords known = KnownWords.of(KEYWORDS, lexicon);
    Reading r = Reading.of(question, known);
    List<String> evidence = new ArrayList<>(r.corrections());
    Plan plan;
    try {
      plan = read(r, context, evidence);
    } catch (SubjectQuery.Declined d) {
      return Plan.notUnderstood(d.getMessage(), d.suggestions().isEmpty() ? suggestions(lexicon) : d.suggestions());
    } catch (EntityResolver.Ambiguous a) {
      List<String> ids = a.candidates().stream().map(Entity::id).limit(NAMES_OFFERED).toList();
      return Plan.notUnderstood("\"" + a.words() + "\" could be any of " + String.join(", ", ids) + ": which one?",
          ids.stream().limit(3).map(id -> question.replaceAll("(?i)" + Pattern.quote(a.words()), id)).toList());
    } catch (IllegalArgumentException e) {
      return Plan.notUnderstood(e.getMessage(), suggestions(lexicon));
    }
    if (!plan.understood()) {
      return plan;
    }
    List<String> left = r.leftover(known);
    if (!left.isEmpty()) {
      return Plan.notUnderstood("I did not understand \"" + String.join(" ", left) + "\" in the question, so I won't"
          + " guess: " + decapitalize(plan.explanation()) + " would leave it out.", suggestions(lexicon));
    }
    return plan.withEvidence(evidence);
  }

  private Plan read(Reading r, PlanningContext context, List<String> evidence) {
    EntityLexicon lexicon = context.lexicon();
    Optional<Period> period = new TimePhrases(context.today()).take(r);
    period.ifPresent(p -> evidence.add("window " + p));

    // Lists and counts of a subject: "how many gates", "which experiments ... per team".
    if (r.has(SHIPPED.pattern()) || r.has(DECIDED.pattern())) {
      Optional<Plan> decisions = decisions(r, lexicon, period, evidence);
      if (decisions.isPresent()) {
        return decisions.get();
      }
    }
    java.util.BitSet start = r.mark();
    Optional<Subject> listed = SubjectQuery.subject(r);
    boolean aboutOne = ABOUT_ONE.stream().anyMatch(p -> r.has(p.pattern()))
        || EntityResolver.exact(lexicon, copyOf(r), List.of(EntityKind.EXPERIMENT, EntityKind.GATE, EntityKind.METRIC))
            .isPresent();
    if (listed.isPresent() && !aboutOne) {
      return subjectQuery(r, listed.get(), period, context, evidence);
    }
    r.reset(start);

    // A question about one named experiment, gate or metric.
    Named named = Named.read(r, lexicon);
    Optional<EntityResolver.Named> experiment = named.experiment;
    Optional<EntityResolver.Named> gate = named.gate;
    Optional<EntityResolver.Named> metric = named.metric;  // reassigned once the experiment's own words are read
    named.all().forEach(n -> evidence.add("\"" + n.words() + "\" = " + kindWord(n.entity().kind()) + " " + n.entity().id()));

    if (gate.isPresent() && experiment.isEmpty()) {
      r.take(GATE_NOUN.pattern());
      Entity g = gate.get().entity();
      if (r.take(PASS_PERCENTAGE.pattern()).isPresent() || r.has(ROLLOUT.pattern()) && !r.has(SPLIT.pattern())) {
        r.take(ROLLOUT.pattern());
        r.take(ROLLOUT.pattern());
        return gateRollout(g);
      }
      if (r.take(SPLIT.pattern()).isPresent()) {
        takeAll(r, SPLIT);
        takeAll(r, USERS_IN);
        return gateSplit(g);
      }
      if (r.take(OWNER.pattern()).isPresent()) {
        return facts(EntityKind.GATE, g, "owner");
      }
      if (r.take(HISTORY.pattern()).isPresent()) {
        takeAll(r, HISTORY);
        return history(g, period);
      }
      return Plan.notUnderstood("I know the gate " + g.id() + ", but not what to tell about it.",
          List.of("What is the exposure split on the " + g.id() + " gate?", "What is the rollout state of the " + g.id()
              + " gate?", "Who owns the " + g.id() + " gate?"));
    }
    if (experiment.isPresent()) {
      Entity e = experiment.get().entity();
      r.take(CONTROL_AND_TEST.pattern());
      r.take(EXPERIMENT_NOUN.pattern());
      Optional<Plan> joined = AttachedJoin.plan(r.text(), e, context.tables());
      if (joined.isPresent()) {
        takeAll(r, Phrases.of("group", "groups", "variant", "variants", "arm", "arms", "per user", "per customer",
            "per buyer", "per unit", "by", "per"));
        r.take(Pattern.compile("\\b" + Pattern.quote(joined.get().slot(Slot.COLUMN).toLowerCase(java.util.Locale.ROOT)
            .replace('_', ' ')) + "\\b"));
        return joined.get();
      }
      if (r.take(USERS_IN.pattern()).isPresent() || r.take(SPLIT.pattern()).isPresent()) {
        takeAll(r, GROUP_WORDS);
        takeAll(r, SPLIT);
        takeAll(r, USERS_IN);
        r.take(Phrases.of("users", "people", "units", "in").pattern());
        return experimentSplit(e, period);
      }
      if (r.take(OWNER.pattern()).isPresent()) {
        return facts(EntityKind.EXPERIMENT, e, "owner");
      }
      if (r.take(HISTORY.pattern()).isPresent()) {
        takeAll(r, HISTORY);
        return history(e, period);
      }
      if (r.take(DURATION.pattern()).isPresent()) {
        takeAll(r, DURATION);
        return facts(EntityKind.EXPERIMENT, e, "duration");
      }
      Optional<EntityResolver.Named> other = named.otherExperiment;
      boolean compare = r.take(COMPARE.pattern()).isPresent();
      boolean effect = r.take(EFFECT.pattern()).isPresent();
      takeAll(r, EFFECT);
      takeAll(r, COMPARE);
      takeAll(r, TEST_AND_CONTROL);
      takeAll(r, EXPERIMENT_NOUN);
      r.take(METRIC_NOUN.pattern());
      if (metric.isEmpty()) {
        metric = EntityResolver.partial(lexicon, r, EntityKind.METRIC);
        metric.ifPresent(m -> evidence.add("\"" + m.words() + "\" = metric " + m.entity().id()));
      }
      if (other.isPresent()) {
        return experimentResults(Intent.COMPARE_GROUPS, List.of(e, other.get().entity()), metric.map(EntityResolver.Named::entity).orElse(null), period);
      }
      if (compare && metric.isEmpty()) {
        return experimentResults(Intent.COMPARE_GROUPS, List.of(e), null, period);
      }
      if (effect || compare || metric.isPresent()) {
        return experimentResults(Intent.EXPERIMENT_EFFECT, List.of(e), metric.map(EntityResolver.Named::entity).orElse(null), period);
      }
      if (r.has(Phrases.of("status", "state", "running", "active", "live").pattern())) {
        takeAll(r, Phrases.of("status", "state", "running", "active", "live", "still"));
        return facts(EntityKind.EXPERIMENT, e, "status");
      }
      return Plan.notUnderstood("I know the experiment " + e.id() + ", but not what to tell about it.",
          List.of("Did " + e.id() + " move its metrics?", "What is the exposure split of " + e.id() + "?",
              "Who owns " + e.id() + "?", "How long did " + e.id() + " run?"));
    }
    if (metric.isPresent()) {
      Entity m = metric.get().entity();
      r.take(METRIC_NOUN.pattern());
      boolean up = r.take(RANK_UP.pattern()).isPresent() || takeBoth(r, UP_VERB, THE_MOST);
      boolean down = !up && (r.take(RANK_DOWN.pattern()).isPresent() || takeBoth(r, DOWN_VERB, THE_MOST));
      if (up || down) {
        r.take(EXPERIMENT_NOUN.pattern());
        takeAll(r, EFFECT);
        return rankedResults(m, up, r.take(Pattern.compile("\\bsignificant(?:ly)?\\b")).isPresent());
      }
      if (r.has(EXPERIMENT_NOUN.pattern()) && r.has(EFFECT.pattern())) {
        return unnamed(r, lexicon);  // "did the zebra test move activation": which experiment?
      }
      if (r.take(HISTORY.pattern()).isPresent() && !r.has(TREND.pattern())) {
        return history(m, period);
      }
      if (r.take(OWNER.pattern()).isPresent()) {
        return facts(EntityKind.METRIC, m, "owner");
      }
      if (r.take(TREND.pattern()).isPresent() || period.isPresent()) {
        takeAll(r, TREND);
        return trend(m, period.orElse(null), context, evidence);
      }
      return Plan.notUnderstood("I know the metric " + m.name() + ", but not what to tell about it.",
          List.of("How has " + m.name() + " trended over the last 30 days?",
              "Which experiment had the biggest lift on " + m.name() + "?"));
    }
    return unnamed(r, lexicon);
  }

  /** Which experiment, gate or metric a question names: exact names first, then partial ones by need. */
  private record Named(Optional<EntityResolver.Named> experiment, Optional<EntityResolver.Named> otherExperiment,
      Optional<EntityResolver.Named> gate, Optional<EntityResolver.Named> metric) {

    static Named read(Reading r, EntityLexicon lexicon) {
      List<EntityResolver.Named> experiments = EntityResolver.allExact(lexicon, r, EntityKind.EXPERIMENT);
      Optional<EntityResolver.Named> gate = EntityResolver.exact(lexicon, r, List.of(EntityKind.GATE));
      Optional<EntityResolver.Named> metric = EntityResolver.exact(lexicon, r, List.of(EntityKind.METRIC));
      // A partial experiment before a partial gate: "checkout test" is the experiment; "gate" or "flag" says gate.
      boolean saysGate = r.has(GATE_NOUN.pattern()) && !r.has(EXPERIMENT_NOUN.pattern());
      if (experiments.isEmpty() && gate.isEmpty() && !saysGate) {
        EntityResolver.partial(lexicon, r, EntityKind.EXPERIMENT).ifPresent(experiments::add);
      }
      // A partial gate only when the question says "gate": one shared word ("results") is not a gate's name.
      if (experiments.isEmpty() && gate.isEmpty() && saysGate) {
        gate = EntityResolver.partial(lexicon, r, EntityKind.GATE);
      }
      // A partial metric now only when nothing else is named; about an experiment, after its own words are read.
      if (metric.isEmpty() && experiments.isEmpty() && gate.isEmpty()) {
        metric = EntityResolver.partial(lexicon, r, EntityKind.METRIC);
      }
      return new Named(experiments.stream().findFirst(), experiments.stream().skip(1).findFirst(), gate, metric);
    }

    List<EntityResolver.Named> all() {
      List<EntityResolver.Named> out = new ArrayList<>();
      experiment.ifPresent(out::add);
      otherExperiment.ifPresent(out::add);
      gate.ifPresent(out::add);
      metric.ifPresent(out::add);
      return out;
    }
  }

  private static String kindWord(EntityKind kind) {
    return switch (kind) {
      case EXPERIMENT -> "experiment";
      case GATE -> "gate";
      case METRIC -> "metric";
      case TAG -> "tag";
    };
  }

  /** A reading to try things on without using the original's words. */
  private static Reading copyOf(Reading r) {
    return r.copy();
  }

  /** "improved activation the most": two phrases apart, both or neither taken. */
  private static boolean takeBoth(Reading r, Phrases first, Phrases second) {
    if (r.has(first.pattern()) && r.has(second.pattern())) {
      r.take(first.pattern());
      r.take(second.pattern());
      return true;
    }
    return false;
  }

  private static void takeAll(Reading r, Phrases phrases) {
    while (r.take(phrases.pattern()).isPresent()) {
      // every mention is read
    }
  }

  private static String decapitalize(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1).replaceAll("\\.$", "");
  }

  /** A question of a known kind whose experiment, gate or metric matched nothing: say which names exist. */
  private static Plan unnamed(Reading r, EntityLexicon lexicon) {
    boolean asksResults = r.has(EFFECT.pattern()) || r.has(SPLIT.pattern()) || r.has(COMPARE.pattern());
    if (r.has(EXPERIMENT_NOUN.pattern()) && (asksResults || r.has(OWNER.pattern()) || r.has(DURATION.pattern()))) {
      List<String> ids = ids(lexicon, EntityKind.EXPERIMENT);
      return Plan.notUnderstood("I couldn't tell which experiment you mean. Experiments include "
          + String.join(", ", ids) + ".", List.of("Compare the groups of " + ids.get(0),
          "What is the exposure split of " + ids.get(0) + "?"));
    }
    if (r.has(GATE_NOUN.pattern()) && (asksResults || r.has(ROLLOUT.pattern()))) {
      List<String> ids = ids(lexicon, EntityKind.GATE);
      return Plan.notUnderstood("I couldn't tell which gate you mean. Gates include "
          + String.join(", ", ids) + ".", List.of("What is the exposure split on the " + ids.get(0) + " gate?",
          "What is the rollout state of the " + ids.get(0) + " gate?"));
    }
    if ((r.has(TREND.pattern()) || r.has(METRIC_NOUN.pattern())) && !lexicon.all(EntityKind.METRIC).isEmpty()) {
      List<String> names = lexicon.all(EntityKind.METRIC).stream().map(Entity::name).sorted().toList();
      return Plan.notUnderstood("I couldn't tell which metric you mean. Metrics: " + String.join(", ", names)
          + ".", List.of("How has " + names.get(0) + " trended over the last 30 days?"));
    }
    return Plan.notUnderstood("I can't answer that one yet: I understand questions about experiments' effects on"
        + " metrics, what shipped in a period, exposure splits of gates and experiments, metric trends, gate"
        + " rollout state, owners, durations and change history, and listing or counting experiments, gates,"
        + " metrics, tags, configs, layers and segments by status, team, tag, creator or date.", suggestions(lexicon));
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
    out.add("How many experiments per team?");
    gate.ifPresent(g -> out.add("What is the rollout state of the " + g + " gate?"));
    return out;
  }

  private static List<String> ids(EntityLexicon lexicon, EntityKind kind) {
    return lexicon.all(kind).stream().map(Entity::id).sorted().limit(NAMES_OFFERED).toList();
  }

  /** A list or a count of a subject, composed from the filters, period, grouping and ordering the question has. */
  private static Plan subjectQuery(Reading r, Subject s, Optional<Period> period, PlanningContext context,
      List<String> evidence) {
    EntityLexicon lexicon = context.lexicon();
    boolean count = r.take(SubjectQuery.COUNT.pattern()).isPresent();
    Optional<Dimension> most = SubjectQuery.mostPer(r, s);
    List<SubjectQuery.Filter> filters = new ArrayList<>(SubjectQuery.markedFilters(r, s, lexicon));
    Optional<Dimension> group = most.isPresent() ? most : SubjectQuery.grouping(r, s);
    if (group.isPresent()) {
      takeAll(r, SubjectQuery.BREAKDOWN);
    }
    Optional<TimeColumn> verb = SubjectQuery.timeVerb(r, s);
    // Orderings before values: "longest running" is an ordering, "running" alone a status.
    Optional<SubjectQuery.Order> order = count || group.isPresent() ? Optional.empty()
        : SubjectQuery.order(r, s, verb, "t", context.today());
    filters.addAll(SubjectQuery.valueFilters(r, s, lexicon));
    if (period.isPresent() && verb.isEmpty()) {
      throw new SubjectQuery.Declined("Which date should " + period.get().label() + " apply to? " + s.table() + " have "
          + String.join(", ", s.times().stream().map(t -> t.verbs().get(0) + " (" + t.column() + ")").toList()) + ".",
          s.times().stream().limit(2).map(t -> "How many " + s.table() + " were " + t.verbs().get(0) + " "
              + period.get().label() + "?").toList());
    }
    takeAll(r, SubjectQuery.LIST);
    Map<Slot, String> slots = SubjectQuery.slots(s, filters);
    SqlNode where = SubjectQuery.where(filters, verb, period.orElse(null), "t");
    String described = s.table() + (filters.isEmpty() ? "" : " with " + slots.get(Slot.FILTERS))
        + verb.map(v -> ", " + v.verbs().get(0) + " " + period.map(Period::toString).orElse("")).orElse("");
    filters.forEach(f -> evidence.add("filter " + f.words()));
    if (group.isPresent()) {
      Dimension d = group.get();
      SqlNode key = d.match() == QuestionLanguage.Match.JSON_ARRAY ? null : Sql.col("t", d.column());
      if (key == null) {
        throw new SubjectQuery.Declined("I can't count per tag yet: an item can carry several tags.",
            List.of("How many " + s.table() + " are tagged " + lexicon.all(EntityKind.TAG).stream().map(Entity::name)
                .sorted().findFirst().orElse("checkout") + "?"));
      }
      slots.put(Slot.GROUP, d.name());
      Select select = SubjectQuery.select(s, "t").columns(Sql.as(key, d.name()), Sql.as(Sql.countStar(), "count"))
          .where(where).groupBy(key);
      if (most.isPresent()) {
        select.orderBy(Sql.desc(Sql.countStar()), key);
        slots.put(Slot.ORDER, "most");
      } else {
        select.orderBy(key);
      }
      return Plan.understood(Intent.COUNT_ENTITIES, select.build(), slots, period.orElse(null),
          "Counts " + described + " per " + d.name() + (most.isPresent() ? ", most first" : "") + ".");
    }
    if (count) {
      SqlNode query = SubjectQuery.select(s, "t").columns(Sql.as(Sql.countStar(), "count")).where(where).build();
      return Plan.understood(Intent.COUNT_ENTITIES, query, slots, period.orElse(null), "Counts " + described + ".");
    }
    Select select = SubjectQuery.select(s, "t")
        .columns(s.shown().stream().map(c -> (SqlNode) Sql.col("t", c)).toArray(SqlNode[]::new)).where(where);
    verb.ifPresent(v -> select.columns(Sql.col("t", v.column())));
    if (order.isPresent()) {
      slots.put(Slot.ORDER, order.get().words());
      slots.put(Slot.LIMIT, String.valueOf(order.get().limit()));
      select.where(order.get().condition()).orderBy(order.get().by(), Sql.col("t", s.shown().get(0)))
          .limit(order.get().limit());
      if (s.table().equals("experiments")) {
        select.columns(Sql.col("t", "start_time"), Sql.col("t", "end_time"), Sql.col("t", "created_time"));
      }
    } else {
      select.orderBy(Sql.col("t", s.shown().get(0)));
    }
    return Plan.understood(Intent.LIST_ENTITIES, select.build(), slots, period.orElse(null),
        "Lists " + described + order.map(o -> ", " + o.words() + ", first " + o.limit()).orElse("") + ".");
  }

  private static Optional<Plan> decisions(Reading r, EntityLexicon lexicon, Optional<Period> period, List<String> evidence) {
    java.util.BitSet start = r.mark();
    boolean shippedOnly = r.take(SHIPPED.pattern()).isPresent();
    if (!shippedOnly) {
      r.take(DECIDED.pattern());
    }
    takeAll(r, SHIPPED);
    takeAll(r, DECIDED);
    Optional<EntityResolver.Named> namedExperiment = EntityResolver.exact(lexicon, copyOf(r), List.of(EntityKind.EXPERIMENT));
    if (namedExperiment.isPresent() || r.has(GATE_NOUN.pattern())) {
      r.reset(start);
      return Optional.empty();
    }
    r.take(EXPERIMENT_NOUN.pattern());
    takeAll(r, EXPERIMENT_NOUN);
    Optional<EntityResolver.Named> metric = EntityResolver.exact(lexicon, r, List.of(EntityKind.METRIC));
    if (metric.isEmpty()) {
      metric = EntityResolver.partial(lexicon, r, EntityKind.METRIC);
    }
    metric.ifPresent(m -> evidence.add("\"" + m.words() + "\" = metric " + m.entity().id()));
    if (metric.isPresent()) {
      takeAll(r, EFFECT);
      r.take(METRIC_NOUN.pattern());
    }
    boolean count = r.take(SubjectQuery.COUNT.pattern()).isPresent();
    takeAll(r, SubjectQuery.LIST);
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
    if (count) {
      slots.put(Slot.LIMIT, "count");
    }
    return Optional.of(Plan.understood(Intent.DECISIONS, select.build(), slots, period.orElse(null),
        "Experiments " + (shippedOnly ? "shipped (a decision launched a test group)" : "with a decision")
            + period.map(p -> " in " + p).orElse(", at any time")
            + metric.map(m -> ", with the launched group's result on " + m.entity().id()).orElse("") + "."));
  }

  private static Plan experimentResults(Intent intent, List<Entity> experiments, Entity metric, Optional<Period> period) {
    List<SqlNode> columns = new ArrayList<>();
    if (experiments.size() > 1) {
      columns.add(Sql.col("r", "experiment_id"));
    }
    columns.addAll(resultColumns("r"));
    columns.add(Sql.col("r", "test_mean"));
    columns.add(Sql.col("r", "control_mean"));
    SqlNode which = experiments.size() == 1 ? Sql.eq(Sql.col("r", "experiment_id"), Sql.text(experiments.get(0).id()))
        : Sql.in(Sql.col("r", "experiment_id"), experiments.stream().map(e -> Sql.text(e.id())).toList());
    Select select = Select.from(Sql.table("experiment_results", "r"))
        .columns(columns.toArray(SqlNode[]::new))
        .where(which)
        .where(metric == null ? null : Sql.eq(Sql.col("r", "metric_id"), Sql.text(metric.id())))
        .orderBy(Sql.col("r", "experiment_id"), Sql.col("r", "metric_id"), Sql.col("r", "test_group_name"));
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.EXPERIMENT, experiments.get(0).id());
    if (experiments.size() > 1) {
      slots.put(Slot.OTHER_EXPERIMENT, experiments.get(1).id());
    }
    if (metric != null) {
      slots.put(Slot.METRIC, metric.id());
    }
    String names = String.join(" and ", experiments.stream().map(Entity::id).toList());
    return Plan.understood(intent, select.build(), slots, period.orElse(null),
        "Results of " + names + (metric == null ? " on every metric" : " on " + metric.id())
            + ", each test group against control at the experiment's confidence level.");
  }

  private static List<SqlNode> resultColumns(String alias) {
    return List.of("test_group_name", "metric_id", "percent_change", "percent_ci_delta", "p_value",
        "absolute_change", "ci_delta", "test_units", "control_units").stream()
        .map(c -> (SqlNode) Sql.col(alias, c)).toList();
  }

  /** Experiments ranked by their change on one metric; only significant ones when asked. */
  private static Plan rankedResults(Entity metric, boolean up, boolean significantOnly) {
    QuestionLanguage.measure("experiment_results", "percent_change");
    // Results are read per experiment: the join looks each experiment's results up.
    Select select = Select.from(Sql.innerJoin(Sql.table("experiments", "e"), Sql.table("experiment_results", "r"),
            Sql.eq(Sql.col("r", "experiment_id"), Sql.col("e", "id"))))
        .columns(Sql.col("r", "experiment_id"))
        .columns(resultColumns("r").toArray(SqlNode[]::new))
        .where(Sql.eq(Sql.col("r", "metric_id"), Sql.text(metric.id())))
        .where(significantOnly ? Sql.greater(Sql.abs(Sql.col("r", "absolute_change")), Sql.col("r", "ci_delta")) : null)
        .orderBy(up ? Sql.desc(Sql.col("r", "percent_change")) : Sql.col("r", "percent_change"),
            Sql.col("r", "experiment_id"), Sql.col("r", "test_group_name"))
        .limit(1);
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.METRIC, metric.id());
    slots.put(Slot.ORDER, up ? "largest increase" : "largest decrease");
    return Plan.understood(Intent.RANKED_RESULTS, select.build(), slots, null,
        "The test group with the " + (up ? "largest increase" : "largest decrease") + " in " + metric.id()
            + " among all experiments' results" + (significantOnly ? " that are significant" : "") + ".");
  }

  private static Plan gateSplit(Entity gate) {
    // Rule results repeat per metric, and units are running totals: MAX is each rule's latest count.
    QuestionLanguage.measure("gate_results", "units_passed");
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

  /**
   * Exposures per group. They are running totals (declared CUMULATIVE): the value on the last day
   * of the window is the group's count; summing the days would count each unit once per day.
   */
  private static Plan experimentSplit(Entity experiment, Optional<Period> period) {
    if (QuestionLanguage.measure("experiment_exposures", "exposures").aggregation()
        != QuestionLanguage.Aggregation.CUMULATIVE) {
      throw new IllegalStateException("experiment exposures are declared as running totals");
    }
    // The groups' planned sizes come along, to check the split against them (sample ratio mismatch).
    Select select = Select.from(Sql.leftJoin(Sql.table("experiment_exposures", "x"), Sql.table("experiment_groups", "g"),
            Sql.and(Sql.eq(Sql.col("g", "experiment_id"), Sql.col("x", "experiment_id")),
                Sql.eq(Sql.col("g", "group_id"), Sql.col("x", "group_id")))))
        .columns(Sql.col("x", "group_name"), Sql.as(Sql.max(Sql.col("x", "exposures")), "exposures"),
            Sql.as(Sql.max(Sql.col("x", "ds")), "as_of"), Sql.as(Sql.max(Sql.col("g", "size")), "planned_size"))
        .where(Sql.eq(Sql.col("x", "experiment_id"), Sql.text(experiment.id())))
        .groupBy(Sql.col("x", "group_name"))
        .orderBy(Sql.col("x", "group_name"));
    period.ifPresent(p -> select.where(Sql.atLeast(Sql.col("x", "ds"), Sql.date(p.start())))
        .where(Sql.atMost(Sql.col("x", "ds"), Sql.date(p.end()))));
    return Plan.understood(Intent.EXPERIMENT_EXPOSURE_SPLIT, select.build(), Map.of(Slot.EXPERIMENT, experiment.id()),
        period.orElse(null), "Exposures per group of " + experiment.id() + " (running totals, read on the last day"
            + period.map(p -> " of " + p).orElse("") + ").");
  }

  /** One experiment's, gate's or metric's own row: who created it, when, its status and run. */
  private static Plan facts(EntityKind kind, Entity entity, String fact) {
    List<String> columns = switch (kind) {
      case EXPERIMENT -> List.of("id", "status", "team", "creator_name", "created_time", "start_time", "end_time");
      case GATE -> List.of("id", "status", "team", "creator_name", "created_time");
      default -> List.of("id", "team", "creator_name", "created_time");
    };
    SqlNode query = Select.from(Sql.table(kind.table(), "t"))
        .columns(columns.stream().map(c -> (SqlNode) Sql.col("t", c)).toArray(SqlNode[]::new))
        .where(Sql.eq(Sql.col("t", "id"), Sql.text(entity.id())))
        .build();
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.TABLE, kind.table());
    slots.put(Slot.FACT, fact);
    slots.put(kind == EntityKind.EXPERIMENT ? Slot.EXPERIMENT : kind == EntityKind.GATE ? Slot.GATE : Slot.METRIC,
        entity.id());
    return Plan.understood(Intent.ENTITY_FACTS, query, slots, null,
        "The " + fact + " of the " + kindWord(kind) + " " + entity.id() + ", from its own record.");
  }

  /** The audit log entries naming the entity, newest first as the log lists them. */
  private static Plan history(Entity entity, Optional<Period> period) {
    if (period.isPresent()) {
      throw new SubjectQuery.Declined("The audit log has no timestamp column to filter " + period.get().label()
          + " on; ask for the whole history of " + entity.id() + ".", List.of("What changed on " + entity.id() + "?"));
    }
    SqlNode query = Select.from(Sql.table("audit_logs", "a"))
        .columns(Sql.col("a", "date_text"), Sql.col("a", "action_type"), Sql.col("a", "change_log"),
            Sql.col("a", "updated_by"))
        .where(Sql.eq(Sql.col("a", "name"), Sql.text(entity.id())))
        .build();
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.TABLE, "audit_logs");
    slots.put(Slot.EXPERIMENT, entity.id());
    return Plan.understood(Intent.AUDIT_HISTORY, query, slots, null, "Audit log entries of " + entity.id() + ".");
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

  private static Plan trend(Entity metric, Period asked, PlanningContext context, List<String> evidence) {
    Period period = asked != null ? asked : new TimePhrases(context.today()).find(DEFAULT_TREND).orElseThrow();
    if (asked == null) {
      evidence.add("window " + period + " (no period asked: the default)");
    }
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
}
