package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.plan.QuestionLanguage.Dimension;
import dev.statsigjdbc.assistant.plan.QuestionLanguage.Subject;
import dev.statsigjdbc.assistant.plan.QuestionLanguage.TimeColumn;
import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;

/**
 * Lists and counts composed from recognised parts over any declared subject: WHERE from filter
 * values (fixed words, live names after a marker: "tagged X", "team X", "created by X", "in the X
 * layer", or a bare live name when only one dimension has it) and a period on a time column named
 * by its verb; GROUP BY from "per / by / for each DIMENSION"; ORDER BY and LIMIT from "newest",
 * "oldest", "longest running", "top N", "most recent N"; "which DIMENSION has the most" counts per
 * value and keeps the first.
 */
final class SubjectQuery {
  static final Phrases COUNT = Phrases.of("how many", "count", "number of", "total number of", "count of");
  /** Words that ask for a grouped count, read once a grouping is there. */
  static final Phrases BREAKDOWN = Phrases.of("breakdown of", "breakdown", "distribution of", "distribution");
  static final Phrases LIST = Phrases.of("list", "show", "which", "what", "give me", "name", "names of", "all");
  private static final Phrases GROUPING = Phrases.of("per", "by", "for each", "each", "broken down by", "breakdown by",
      "split by", "grouped by", "group by", "across");
  private static final Phrases NEWEST = Phrases.of("newest", "latest", "most recent", "most recently", "recent", "last");
  private static final Phrases OLDEST = Phrases.of("oldest", "earliest", "first");
  private static final Phrases LONGEST = Phrases.of("longest running", "longest", "ran the longest", "ran longest");
  private static final Phrases SHORTEST = Phrases.of("shortest running", "shortest", "ran the shortest");
  private static final Phrases MOST = Phrases.of("the most", "most", "the biggest number of", "the largest number of");
  private static final Pattern TOP_N = Pattern.compile("\\b(?:top|first|last|latest|newest|oldest|most recent) (\\d{1,3})\\b"
      + "|\\b(\\d{1,3}) (?=most recent|newest|latest|oldest|earliest|longest|shortest)");
  private static final Pattern N_ITEMS = Pattern.compile("\\b(\\d{1,3})\\b");
  /** Verbs that mean "shipped" for experiments: the decisions intent reads them, not a list. */
  static final Set<String> KEYWORDS = keywords();

  private SubjectQuery() {}

  private static Set<String> keywords() {
    Set<String> out = new HashSet<>();
    for (Phrases p : List.of(COUNT, BREAKDOWN, LIST, GROUPING, NEWEST, OLDEST, LONGEST, SHORTEST, MOST)) {
      out.addAll(p.words());
    }
    out.addAll(List.of("top", "tagged", "tag", "team", "created", "owned", "layer", "running", "ran", "type", "kind"));
    for (Subject s : QuestionLanguage.SUBJECTS) {
      s.nouns().forEach(n -> out.addAll(List.of(n.split(" "))));
      for (Dimension d : s.dimensions()) {
        out.addAll(d.words());
        d.values().values().forEach(ws -> ws.forEach(w -> out.addAll(List.of(w.split(" ")))));
      }
      s.times().forEach(t -> t.verbs().forEach(v -> out.addAll(List.of(v.split(" ")))));
    }
    return out;
  }

  /** The subject a question lists or counts, by its noun (its words become used). */
  static Optional<Subject> subject(Reading r) {
    for (Subject s : QuestionLanguage.SUBJECTS) {
      if (r.take(Phrases.of(s.nouns()).pattern()).isPresent()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** A filter: column = value, in words for the answer. */
  record Filter(Dimension dimension, String value, String words) {
    SqlNode condition(String alias) {
      return switch (dimension.match()) {
        case EQUALS -> Sql.eq(Sql.col(alias, dimension.column()), Sql.text(value));
        case JSON_ARRAY -> Sql.like(Sql.col(alias, dimension.column()), Sql.text("%\"" + value + "\"%"));
        case IS_TRUE -> Sql.eq(Sql.col(alias, dimension.column()), Sql.bool(true));
      };
    }
  }

  /** A question this planner cannot answer as asked, with why. */
  static final class Declined extends RuntimeException {
    private final List<String> suggestions;

    Declined(String message, List<String> suggestions) {
      super(message, null, false, false);
      this.suggestions = List.copyOf(suggestions);
    }

    List<String> suggestions() {
      return suggestions;
    }
  }

  /** Filters with a marker naming their dimension ("tagged X", "team X", "created by X", "in the X layer"). */
  static List<Filter> markedFilters(Reading r, Subject s, EntityLexicon lexicon) {
    List<Filter> out = new ArrayList<>();
    s.dimension("tag").ifPresent(tag -> marked(r, tag, tagNames(lexicon), List.of(
        "tagged (?:with )?(?:the )?%s(?: tag)?", "with (?:the )?%s tag", "(?:with |having )?(?:the )?tag %s", "%s tag(?:ged)?"),
        List.of("tagged (?:with )?(?:the )?([a-z0-9]+)", "with (?:the )?([a-z0-9]+) tag")).ifPresent(out::add));
    s.dimension("team").ifPresent(team -> marked(r, team, lexicon.values("team"), List.of(
        "(?:owned by |from |of |in |on |by )?(?:the )?%s team", "(?:owned by |from |of |in |on |by )?(?:the )?team %s"),
        List.of("([a-z0-9]+) team", "team ([a-z0-9]+)")).ifPresent(out::add));
    s.dimension("creator").ifPresent(c -> person(r, c, lexicon.values("creator")).ifPresent(out::add));
    s.dimension("layer").ifPresent(layer -> marked(r, layer, lexicon.values("layer"), List.of(
        "(?:in |from |of )?(?:the )?%s"), List.of("(?:in|from) (?:the )?([a-z0-9]+) layer")).ifPresent(out::add));
    return out;
  }

  /** Tags of the tags table and tags in use. */
  private static List<String> tagNames(EntityLexicon lexicon) {
    Set<String> names = new HashSet<>(lexicon.values("tag"));
    lexicon.all(EntityKind.TAG).forEach(t -> names.add(t.name()));
    return names.stream().sorted().toList();
  }

  /**
   * A dimension value in one of its marked forms ({@code %s} is the value); a marker followed by a
   * name that is no value declines with the closest values.
   */
  private static Optional<Filter> marked(Reading r, Dimension d, List<String> values, List<String> forms,
      List<String> probes) {
    List<String> longestFirst = values.stream().sorted((a, b) -> b.length() - a.length()).toList();
    for (String v : longestFirst) {
      for (String form : forms) {
        if (r.take(Pattern.compile("\\b" + form.formatted(Pattern.quote(spaced(v))) + "\\b")).isPresent()) {
          return Optional.of(new Filter(d, v, d.name() + " " + v));
        }
      }
    }
    for (String form : probes) {
      Optional<Matcher> probe = r.peek(Pattern.compile("\\b" + form + "\\b"));
      if (probe.isPresent()) {
        String said = probe.get().group(1);
        if (!values.isEmpty() && !KEYWORDS.contains(said) && !KnownWords.FILLER.contains(said)
            && !TimePhrases.WORDS.contains(said)) {
          throw new Declined("There is no " + d.name() + " \"" + said + "\". The closest: "
              + String.join(", ", KnownWords.closest(said, values, 5)) + ".",
              List.of("How many experiments per " + d.name() + "?"));
        }
      }
    }
    return Optional.empty();
  }

  /** "created by Priya Raman", "Priya's", "owned by Hannah": a person by full or first name. */
  private static Optional<Filter> person(Reading r, Dimension d, List<String> people) {
    Optional<Matcher> probe = r.peek(Pattern.compile("\\b(?:created|made|owned|run|started|built|authored) by ([a-z]+(?: [a-z]+)?)\\b"));
    for (String p : people) {
      String full = spaced(p);
      String first = full.split(" ")[0];
      boolean firstUnique = people.stream().filter(o -> spaced(o).split(" ")[0].equals(first)).count() == 1;
      Optional<Matcher> taken = r.take(Pattern.compile("\\b(?:(?:created|made|owned|run|started|built|authored) by )?(?:"
          + Pattern.quote(full) + (firstUnique ? "|" + Pattern.quote(first) : "") + ")\\b"));
      if (taken.isPresent()) {
        return Optional.of(new Filter(d, p, "created by " + p));
      }
    }
    if (probe.isPresent()) {
      String said = probe.get().group(1);
      throw new Declined("Nobody called \"" + said + "\" created any. People: "
          + String.join(", ", KnownWords.closest(said, people, 8)) + ".",
          List.of("How many experiments did " + (people.isEmpty() ? "each person" : people.get(0)) + " create?"));
    }
    return Optional.empty();
  }

  /** Fixed values by their words ("running", "permanent") and bare live names that only one dimension has. */
  static List<Filter> valueFilters(Reading r, Subject s, EntityLexicon lexicon) {
    List<Filter> out = new ArrayList<>();
    for (Dimension d : s.dimensions()) {
      for (Map.Entry<String, List<String>> value : d.values().entrySet()) {
        if (r.take(Phrases.of(value.getValue()).pattern()).isPresent()) {
          out.add(new Filter(d, value.getKey(), d.name() + " " + value.getKey()));
          break;
        }
      }
    }
    // A bare live name ("checkout experiments"): a filter when one dimension has it, a question when several do.
    for (int i = 0; i < r.size(); i++) {
      if (r.used(i)) {
        continue;
      }
      String word = r.word(i);
      List<Filter> fits = new ArrayList<>();
      for (Dimension d : s.dimensions()) {
        List<String> values = d.name().equals("tag") ? tagNames(lexicon) : d.live() ? lexicon.values(d.name()) : List.of();
        valueNamed(values, word).ifPresent(v -> fits.add(new Filter(d, v, d.name() + " " + v)));
      }
      if (fits.size() > 1) {
        throw new Declined("\"" + word + "\" could mean " + String.join(" or ", fits.stream().map(Filter::words).toList())
            + ": which one?", fits.stream().map(f -> "How many " + s.table() + " " + (f.dimension().name().equals("tag")
            ? "are tagged " + f.value() : "does the " + f.value() + " team have") + "?").toList());
      }
      if (fits.size() == 1) {
        r.use(i, 1);
        out.add(fits.get(0));
      }
    }
    return out;
  }

  private static Optional<String> valueNamed(List<String> values, String said) {
    return values.stream().filter(v -> spaced(v).equals(said) || spaced(v).equals(Words.stem(said))).findFirst();
  }

  /** A value as question words: lower case, separators as spaces ("north_star" -> "north star"). */
  static String spaced(String value) {
    return String.join(" ", value.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")).strip();
  }

  /** "created last month": the time column its verb names; empty when no verb is there. */
  static Optional<TimeColumn> timeVerb(Reading r, Subject s) {
    for (TimeColumn t : s.times()) {
      if (r.take(Phrases.of(t.verbs()).pattern()).isPresent()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static Optional<Dimension> grouping(Reading r, Subject s) {
    for (Dimension d : s.dimensions()) {
      for (String word : d.words()) {
        Pattern p = Pattern.compile("\\b(?:" + GROUPING.pattern().pattern() + ") (?:the )?(?:" + Pattern.quote(word) + ")s?\\b"
            + "|\\b" + Pattern.quote(word) + " (?:breakdown|split|distribution|mix)\\b");
        if (r.take(p).isPresent()) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  /** "which team has the most experiments": the dimension asked for, with "most" taken. */
  static Optional<Dimension> mostPer(Reading r, Subject s) {
    for (Dimension d : s.dimensions()) {
      for (String word : d.words()) {
        Pattern p = Pattern.compile("\\b(?:which|what) " + Pattern.quote(word) + "s? (?:has|have|had|owns|own|created|runs|run) "
            + "(?:" + MOST.pattern().pattern() + ")\\b");
        if (r.take(p).isPresent()) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  /** The ordering a list asks for, as SQL, and its words; the limit when a number or a singular superlative says. */
  record Order(SqlNode by, String words, Integer limit, SqlNode condition) {}

  static Optional<Order> order(Reading r, Subject s, Optional<TimeColumn> verb, String alias, java.time.LocalDate today) {
    Integer limit = null;
    Optional<Matcher> top = r.take(TOP_N);
    if (top.isPresent()) {
      limit = Integer.parseInt(top.get().group(1) != null ? top.get().group(1) : top.get().group(2));
    }
    String time = verb.map(TimeColumn::column).orElse("created_time");
    boolean hasTime = s.times().stream().anyMatch(t -> t.column().equals(time));
    String matched = top.map(m -> m.group().replaceAll("\\s*\\d+\\s*", "")).orElse("");
    if (matched.equals("top")) {
      matched = "";
    }
    boolean newest = matched.matches("last|latest|newest|most recent") || r.take(NEWEST.pattern()).isPresent();
    boolean oldest = !newest && (matched.matches("first|oldest") || r.take(OLDEST.pattern()).isPresent());
    if ((newest || oldest) && hasTime) {
      if (limit == null && r.take(N_ITEMS).isPresent()) {
        throw new Declined("Say how many with \"top N\" or \"N newest\".", List.of("the 5 newest experiments"));
      }
      SqlNode col = Sql.col(alias, time);
      return Optional.of(new Order(newest ? Sql.desc(col) : col, (newest ? "newest" : "oldest") + " by " + time,
          limit == null ? 1 : limit, Sql.isNotNull(col)));
    }
    boolean longest = r.take(LONGEST.pattern()).isPresent();
    boolean shortest = !longest && r.take(SHORTEST.pattern()).isPresent();
    if ((longest || shortest) && s.table().equals("experiments")) {
      SqlNode days = Sql.daysBetween(Sql.col(alias, "start_time"), Sql.coalesce(Sql.col(alias, "end_time"), Sql.startOf(today)));
      return Optional.of(new Order(longest ? Sql.desc(days) : days, (longest ? "longest" : "shortest")
          + " run (start to end, or to today when still running)", limit == null ? 1 : limit,
          Sql.isNotNull(Sql.col(alias, "start_time"))));
    }
    if (limit != null) {
      throw new Declined("Top " + limit + " by what? I can order " + s.table() + " by newest, oldest"
          + (s.table().equals("experiments") ? " or longest running" : "") + ".",
          List.of("the " + limit + " newest " + s.table()));
    }
    return Optional.empty();
  }

  /** Slots common to lists and counts. */
  static Map<Slot, String> slots(Subject s, List<Filter> filters) {
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.TABLE, s.table());
    if (!filters.isEmpty()) {
      slots.put(Slot.FILTERS, String.join(", ", filters.stream().map(Filter::words).toList()));
    }
    filters.stream().filter(f -> f.dimension().name().equals("status")).findFirst()
        .ifPresent(f -> slots.put(Slot.STATUS, f.value()));
    filters.stream().filter(f -> f.dimension().name().equals("tag")).findFirst()
        .ifPresent(f -> slots.put(Slot.TAG, f.value()));
    return slots;
  }

  static SqlNode where(List<Filter> filters, Optional<TimeColumn> time, Period period, String alias) {
    List<SqlNode> conditions = new ArrayList<>();
    filters.forEach(f -> conditions.add(f.condition(alias)));
    if (period != null && time.isPresent()) {
      conditions.add(Sql.atLeast(Sql.col(alias, time.get().column()), Sql.startOf(period.start())));
      conditions.add(Sql.below(Sql.col(alias, time.get().column()), Sql.startOf(period.end().plusDays(1))));
    } else if (time.isPresent()) {
      // "experiments that ended": the date is there.
      conditions.add(Sql.isNotNull(Sql.col(alias, time.get().column())));
    }
    return Sql.and(conditions.toArray(SqlNode[]::new));
  }

  static Select select(Subject s, String alias) {
    return Select.from(Sql.table(s.table(), alias));
  }
}
