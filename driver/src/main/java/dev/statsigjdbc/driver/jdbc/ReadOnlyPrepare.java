package dev.statsigjdbc.driver.jdbc;

import java.lang.reflect.Type;
import java.sql.SQLException;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Where Calcite prepares every statement of a {@code jdbc:statsig:} connection, whichever door
 * it came through (the driver's JDBC proxies, Avatica's {@code JdbcMeta} in {@code serve}, batches,
 * or a caller holding Calcite's own objects): only a query is prepared.
 *
 * <ul>
 *   <li>SQL: every parser Calcite creates first parses the text once more, with the same
 *       configuration, and refuses anything but a query or an EXPLAIN of one, before Calcite
 *       validates, plans or (for DDL) executes it;
 *   <li>relational expressions ({@code RelRunner}): refused when they hold a {@link TableModify};
 *   <li>DDL: never executed;
 *   <li>and whatever the path, a prepared statement that is not a {@code SELECT} is refused.
 * </ul>
 */
final class ReadOnlyPrepare extends CalcitePrepareImpl {

  @Override
  protected SqlParser createParser(String sql, SqlParser.Config parserConfig) {
    SqlNode statement;
    try {
      statement = super.createParser(sql, parserConfig).parseStmt();
    } catch (SqlParseException notSql) {
      // Calcite's own parse of the same text fails the same way and reports it.
      return super.createParser(sql, parserConfig);
    }
    if (!isQuery(statement)) {
      throw refused(statement.getKind().sql);
    }
    return super.createParser(sql, parserConfig);
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
    if (query.rel != null && modifies(query.rel)) {
      throw refused("a relational expression that modifies a table");
    }
    CalciteSignature<T> signature = super.prepareSql(context, query, elementType, maxRowCount);
    return requireSelect(signature);
  }

  @Override
  public <T> CalciteSignature<T> prepareQueryable(Context context, Queryable<T> queryable) {
    return requireSelect(super.prepareQueryable(context, queryable));
  }

  @Override
  public void executeDdl(Context context, SqlNode node) {
    throw refused(node.getKind().sql);
  }

  /** A query, or EXPLAIN of one. */
  static boolean isQuery(SqlNode statement) {
    if (statement.getKind() == SqlKind.EXPLAIN) {
      return isQuery(((SqlExplain) statement).getExplicandum());
    }
    return statement.getKind().belongsTo(SqlKind.QUERY);
  }

  private static <T> CalciteSignature<T> requireSelect(CalciteSignature<T> signature) {
    if (signature.statementType != null && signature.statementType != Meta.StatementType.SELECT) {
      throw refused(signature.statementType.name());
    }
    return signature;
  }

  private static boolean modifies(RelNode rel) {
    boolean[] found = {false};
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        found[0] |= node instanceof TableModify;
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
    return found[0];
  }

  private static RuntimeException refused(String what) {
    SQLException refusal = SqlErrors.readOnly(what);
    return new IllegalStateException(refusal.getMessage(), refusal);
  }
}
