package dev.statsigjdbc.assistant.plan;

import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;

/**
 * Questions about a number that lives in an attached database, per group of an experiment
 * ("revenue per user by checkout experiment group"): a table with the experiment and group ids
 * of its rows is joined with Statsig's {@code experiment_groups} for the group names.
 */
final class AttachedJoin {
  private static final Pattern BY_GROUP = Pattern.compile("\\b(group|groups|variant|variants|arm|arms)\\b");
  private static final Pattern PER_USER = Pattern.compile("\\bper (user|customer|buyer|unit)\\b");
  static final String EXPERIMENT_ID = "experiment_id";
  static final String GROUP_ID = "group_id";
  static final String USER_ID = "user_id";
  /** Per-user values are read by people: rounded to cents. */
  private static final int PRECISION = 18;
  private static final int SCALE = 2;

  private AttachedJoin() {}

  /** A plan when the question asks per group and names a numeric column of an attached table keyed by group. */
  static Optional<Plan> plan(String text, Entity experiment, SchemaDescription tables) {
    if (!BY_GROUP.matcher(text).find()) {
      return Optional.empty();
    }
    for (SchemaDescription.Table table : tables.attached()) {
      Optional<SchemaDescription.Column> experimentId = table.column(EXPERIMENT_ID);
      Optional<SchemaDescription.Column> groupId = table.column(GROUP_ID);
      if (experimentId.isEmpty() || groupId.isEmpty()) {
        continue;
      }
      Optional<SchemaDescription.Column> value = table.columns().stream()
          .filter(c -> c.numeric() && !c.name().toLowerCase(Locale.ROOT).endsWith("_id") && named(text, c.name()))
          .findFirst();
      if (value.isPresent()) {
        Optional<SchemaDescription.Column> user =
            PER_USER.matcher(text).find() ? table.column(USER_ID) : Optional.empty();
        return Optional.of(plan(experiment, table, experimentId.get(), groupId.get(), value.get(), user));
      }
    }
    return Optional.empty();
  }

  /** Every word of the column's name is in the question: "revenue", "order value". */
  private static boolean named(String text, String column) {
    return Arrays.stream(column.toLowerCase(Locale.ROOT).split("_"))
        .allMatch(word -> Pattern.compile("\\b" + Pattern.quote(word) + "s?\\b").matcher(text).find());
  }

  private static Plan plan(Entity experiment, SchemaDescription.Table table, SchemaDescription.Column experimentId,
      SchemaDescription.Column groupId, SchemaDescription.Column value, Optional<SchemaDescription.Column> user) {
    String valueName = value.name().toLowerCase(Locale.ROOT);
    SqlNode total = Sql.sum(Sql.col("o", value.name()));
    List<SqlNode> columns = new ArrayList<>(List.of(Sql.as(Sql.col("g", "name"), "experiment_group"),
        Sql.col("g", "is_control")));
    String answered = valueName;
    if (user.isPresent()) {
      SqlNode users = Sql.countDistinct(Sql.col("o", user.get().name()));
      answered = valueName + "_per_user";
      columns.add(Sql.as(users, "users"));
      columns.add(Sql.as(Sql.decimal(Sql.divide(total, users), PRECISION, SCALE), answered));
    } else {
      columns.add(Sql.as(total, answered));
    }
    SqlNode join = Sql.innerJoin(Sql.table("experiment_groups", "g"), Sql.table(table.schema(), table.name(), "o"),
        Sql.eq(Sql.col("o", groupId.name()), Sql.col("g", "group_id")));
    SqlNode query = Select.from(join)
        .columns(columns.toArray(SqlNode[]::new))
        .where(Sql.eq(Sql.col("g", "experiment_id"), Sql.text(experiment.id())))
        // Repeated on the attached side so that its database filters too (Calcite does not carry it across the join).
        .where(Sql.eq(Sql.col("o", experimentId.name()), Sql.text(experiment.id())))
        .groupBy(Sql.col("g", "name"), Sql.col("g", "is_control"))
        .orderBy(Sql.col("g", "name"))
        .build();
    Map<Slot, String> slots = new EnumMap<>(Slot.class);
    slots.put(Slot.EXPERIMENT, experiment.id());
    slots.put(Slot.TABLE, table.qualifiedName());
    slots.put(Slot.COLUMN, answered);
    return Plan.understood(Intent.JOINED_BY_GROUP, query, slots, null, answered + " per group of " + experiment.id()
        + ": " + table.qualifiedName() + " joined with Statsig's experiment groups on the group id.");
  }
}
