package dev.statsigjdbc.assistant.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/** A small builder for one {@link SqlSelect}: the clauses the planners need, nothing more. */
public final class Select {
  private final List<SqlNode> columns = new ArrayList<>();
  private final SqlNode from;
  private final List<SqlNode> conditions = new ArrayList<>();
  private final List<SqlNode> groupBy = new ArrayList<>();
  private final List<SqlNode> orderBy = new ArrayList<>();
  private Integer limit;

  private Select(SqlNode from) {
    this.from = from;
  }

  public static Select from(SqlNode from) {
    return new Select(from);
  }

  public Select columns(SqlNode... nodes) {
    columns.addAll(Arrays.asList(nodes));
    return this;
  }

  /** Adds a condition (ANDed with the others); null is ignored so optional filters read naturally. */
  public Select where(SqlNode condition) {
    if (condition != null) {
      conditions.add(condition);
    }
    return this;
  }

  public Select groupBy(SqlNode... nodes) {
    groupBy.addAll(Arrays.asList(nodes));
    return this;
  }

  public Select orderBy(SqlNode... nodes) {
    orderBy.addAll(Arrays.asList(nodes));
    return this;
  }

  /** Keeps the first rows only (FETCH NEXT n ROWS); null keeps them all. */
  public Select limit(Integer rows) {
    this.limit = rows;
    return this;
  }

  public SqlSelect build() {
    if (columns.isEmpty()) {
      throw new IllegalStateException("a SELECT needs at least one column");
    }
    return new SqlSelect(Sql.pos(), null, Sql.list(columns), from, Sql.and(conditions.toArray(SqlNode[]::new)),
        Sql.list(groupBy), null, null, null, Sql.list(orderBy), null, limit == null ? null : Sql.number(limit), null);
  }
}
