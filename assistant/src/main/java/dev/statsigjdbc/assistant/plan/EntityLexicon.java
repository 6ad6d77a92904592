package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The experiments, gates, metrics and tags that exist, read live from the connection, and fuzzy
 * matching of question text against them ("new-onboarding gate" -> {@code new_onboarding},
 * "checkout test" -> {@code checkout_v2}, "revenue per user" -> {@code revenue_per_user::sum}).
 */
public final class EntityLexicon {
  /** Words too common (or statuses) to identify anything on their own; they still count inside a full name. */
  private static final Set<String> WEAK = Set.of("per", "new", "user", "the", "of", "and", "in", "on", "to", "for",
      "v1", "v2", "v3", "web", "mobile", "io", "rate", "time", "count", "day", "page", "test", "experiment", "gate",
      "metric", "tag", "by", "all", "no", "daily", "active", "launched", "disabled", "archived", "setup");

  private final List<Entity> entities;

  public EntityLexicon(List<Entity> entities) {
    this.entities = List.copyOf(entities);
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
    return new EntityLexicon(all);
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
    return entities.stream().filter(e -> e.kind() == kind)
        .map(e -> score(e, words))
        .filter(m -> m != null)
        .max(Comparator.comparingInt(Match::score)
            .thenComparing(m -> -m.entity().id().length())
            .thenComparing(m -> m.entity().id(), Comparator.reverseOrder()));
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
