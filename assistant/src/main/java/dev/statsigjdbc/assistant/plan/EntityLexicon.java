package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlNode;

/**
 * The experiments, gates, metrics and tags that exist, read live from the connection, and fuzzy
 * matching of question text against them ("new-onboarding gate" -> {@code new_onboarding},
 * "checkout test" -> {@code checkout_v2}, "revenue per user" -> {@code revenue_per_user::sum}).
 */
public final class EntityLexicon {
  /** Words too common (or statuses) to identify anything on their own; they still count inside a full name. */
  private static final Set<String> WEAK = Set.of("per", "new", "user", "the", "of", "and", "in", "on", "to", "for",
      "v1", "v2", "v3", "web", "mobile", "io", "rate", "time", "count", "day", "page", "test", "experiment", "gate",
      "metric", "tag", "by", "all", "no", "daily", "active", "launched", "disabled", "archived", "setup", "result");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Entity> entities;
  /** Live values of the declared dimensions, by dimension name (teams, people, layers, metric types). */
  private final Map<String, Set<String>> values;

  public EntityLexicon(List<Entity> entities) {
    this(entities, Map.of());
  }

  public EntityLexicon(List<Entity> entities, Map<String, Set<String>> values) {
    this.entities = List.copyOf(entities);
    Map<String, Set<String>> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    this.values = Collections.unmodifiableMap(copy);
  }

  /** Reads every entity through the connection (one list query per kind). */
  public static EntityLexicon load(Connection connection) throws SQLException {
    List<Entity> all = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      boolean metric = kind == EntityKind.METRIC;
      // Metrics and tags are named by their names (a metric's ::type is not how people say it; tag ids are opaque).
      boolean byName = metric || kind == EntityKind.TAG;
      Select select = Select.from(Sql.table(kind.table(), "t"))
          .columns(Sql.col("t", "id"), Sql.col("t", "name"), metric ? Sql.col("t", "directionality") : Sql.text(""));
      try (Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery(Sql.render(select.build()))) {
        while (rows.next()) {
          String id = rows.getString(1);
          String name = rows.getString(2) == null ? id : rows.getString(2);
          String direction = metric ? rows.getString(3) : null;
          all.add(new Entity(kind, id, name, Words.of(byName ? name : id), direction));
        }
      }
    }
    return new EntityLexicon(all, liveValues(connection));
  }

  /** The values of every live dimension (not tags: those are entities), one query per subject table. */
  private static Map<String, Set<String>> liveValues(Connection connection) throws SQLException {
    try {
      return readLiveValues(connection);
    } catch (JsonProcessingException e) {
      throw new SQLException("A tags column did not hold a JSON array: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Set<String>> readLiveValues(Connection connection) throws SQLException, JsonProcessingException {
    Map<String, Set<String>> out = new HashMap<>();
    for (QuestionLanguage.Subject subject : QuestionLanguage.SUBJECTS) {
      List<QuestionLanguage.Dimension> live = subject.dimensions().stream().filter(QuestionLanguage.Dimension::live).toList();
      if (live.isEmpty()) {
        continue;
      }
      Select select = Select.from(Sql.table(subject.table(), "t"))
          .columns(live.stream().map(d -> (SqlNode) Sql.col("t", d.column())).toArray(SqlNode[]::new));
      try (Statement statement = connection.createStatement();
           ResultSet rows = statement.executeQuery(Sql.render(select.build()))) {
        while (rows.next()) {
          for (int i = 0; i < live.size(); i++) {
            String v = rows.getString(i + 1);
            if (v == null || v.isBlank()) {
              continue;
            }
            Set<String> into = out.computeIfAbsent(live.get(i).name(), k -> new HashSet<>());
            if (live.get(i).match() == QuestionLanguage.Match.JSON_ARRAY) {
              // Tags in use, also those not in the tags table ("guardrail" on metrics).
              for (JsonNode tag : JSON.readTree(v)) {
                into.add(tag.asText());
              }
            } else {
              into.add(v);
            }
          }
        }
      }
    }
    return out;
  }

  /** The live values of a dimension ("team" -> Checkout, Growth, ...), sorted. */
  public List<String> values(String dimension) {
    return values.getOrDefault(dimension, Set.of()).stream().sorted().toList();
  }

  /** Every word of every name: entities, tags, live values. Words a question may use that are not typos. */
  Set<String> names() {
    Set<String> out = new HashSet<>();
    entities.forEach(e -> {
      out.addAll(e.words());
      out.addAll(Words.of(e.id()));
      out.addAll(Words.of(e.name()));
    });
    values.values().forEach(vs -> vs.forEach(v -> out.addAll(Words.of(v))));
    return out;
  }

  /** The direction that is good for a metric ({@code increase} or {@code decrease}), when the metric says. */
  public Optional<String> direction(String metricId) {
    return entities.stream().filter(e -> e.kind() == EntityKind.METRIC && e.id().equals(metricId))
        .map(Entity::direction).filter(d -> d != null && !d.isBlank()).findFirst();
  }

  public List<Entity> all(EntityKind kind) {
    return entities.stream().filter(e -> e.kind() == kind).toList();
  }

  /** The best match of a kind in the text, with the words it used (so other slots can skip them). */
  public Optional<Match> find(EntityKind kind, List<String> words) {
    return candidates(kind, words).stream().findFirst();
  }

  /** Every match of a kind, best first (same order as {@link #find}). */
  public List<Match> candidates(EntityKind kind, List<String> words) {
    return entities.stream().filter(e -> e.kind() == kind)
        .map(e -> score(e, words))
        .filter(m -> m != null)
        .sorted(Comparator.comparingInt(Match::score).reversed()
            .thenComparing(m -> m.entity().id().length())
            .thenComparing(m -> m.entity().id()))
        .toList();
  }

  /** A full name in order scores above any partial match; a partial needs one distinctive word. */
  private static Match score(Entity entity, List<String> words) {
    List<String> name = entity.words();
    int at = indexOfRun(words, name);
    if (at >= 0) {
      return new Match(entity, 1000 + name.size(), at, name.size());
    }
    int matched = 0;
    int strong = 0;
    for (String w : name) {
      if (words.contains(w)) {
        matched++;
        strong += WEAK.contains(w) ? 0 : 1;
      }
    }
    if (strong == 0) {
      return null;
    }
    int leading = words.contains(name.get(0)) ? 5 : 0;
    return new Match(entity, 10 * matched - (name.size() - matched) + leading, -1, 0);
  }

  private static int indexOfRun(List<String> words, List<String> run) {
    for (int i = 0; i + run.size() <= words.size(); i++) {
      if (words.subList(i, i + run.size()).equals(run)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A matched entity and how well it matched; an exact match also says where its words are
   * ({@code start}, {@code length}) so that other slots skip them.
   */
  public record Match(Entity entity, int score, int start, int length) {
    public boolean exact() {
      return start >= 0;
    }

    /** The question's words without the ones this match used: its run when exact, else every word of its name. */
    public List<String> remove(List<String> words) {
      if (exact()) {
        List<String> rest = new ArrayList<>(words.subList(0, start));
        rest.addAll(words.subList(start + length, words.size()));
        return rest;
      }
      return words.stream().filter(w -> !entity.words().contains(w)).toList();
    }
  }
}
