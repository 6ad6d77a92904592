package dev.statsigjdbc.assistant.sql;

import java.time.LocalDate;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * SQL expression nodes for the planners: every query is a Calcite {@link SqlNode} tree, so values
 * are literals by construction and never spliced into text.
 */
public final class Sql {
  /** The schema the driver mounts Statsig's tables under. */
  public static final String SCHEMA = "statsig";
  private static final SqlParserPos POS = SqlParserPos.ZERO;
  /** Names quoted as the catalog spells them: columns such as "value" and "count" are reserved words. */
  private static final SqlDialect DIALECT = new CalciteSqlDialect(CalciteSqlDialect.DEFAULT_CONTEXT
      .withIdentifierQuoteString("\"").withUnquotedCasing(Casing.UNCHANGED));

  private static final SqlParser.Config PARSER = SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(true);

  private Sql() {}

  public static SqlNode table(String name, String alias) {
    return table(SCHEMA, name, alias);
  }

  /** A table of another schema (an attached database). */
  public static SqlNode table(String schema, String name, String alias) {
    return as(new SqlIdentifier(List.of(schema, name), POS), alias);
  }

  public static SqlIdentifier col(String alias, String column) {
    return new SqlIdentifier(List.of(alias, column), POS);
  }

  public static SqlIdentifier col(String column) {
    return new SqlIdentifier(column, POS);
  }

  public static SqlNode as(SqlNode expression, String alias) {
    return SqlStdOperatorTable.AS.createCall(POS, expression, new SqlIdentifier(alias, POS));
  }

  public static SqlNode text(String value) {
    return SqlLiteral.createCharString(value, POS);
  }

  public static SqlNode date(LocalDate day) {
    return SqlLiteral.createDate(new DateString(day.toString()), POS);
  }

  public static SqlNode startOf(LocalDate day) {
    return SqlLiteral.createTimestamp(new TimestampString(day.toString() + " 00:00:00"), 0, POS);
  }

  public static SqlNode bool(boolean value) {
    return SqlLiteral.createBoolean(value, POS);
  }

  public static SqlNode number(long value) {
    return SqlLiteral.createExactNumeric(Long.toString(value), POS);
  }

  /** Whole days from one timestamp to another: TIMESTAMPDIFF(DAY, from, to). */
  public static SqlNode daysBetween(SqlNode from, SqlNode to) {
    return call(SqlStdOperatorTable.TIMESTAMP_DIFF,
        new SqlIntervalQualifier(TimeUnit.DAY, null, POS), from, to);
  }

  public static SqlNode coalesce(SqlNode value, SqlNode otherwise) {
    return call(SqlStdOperatorTable.COALESCE, value, otherwise);
  }

  public static SqlNode abs(SqlNode operand) {
    return call(SqlStdOperatorTable.ABS, operand);
  }

  public static SqlNode greater(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.GREATER_THAN, left, right);
  }

  public static SqlNode eq(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.EQUALS, left, right);
  }

  public static SqlNode notEq(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.NOT_EQUALS, left, right);
  }

  public static SqlNode atLeast(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, left, right);
  }

  public static SqlNode below(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.LESS_THAN, left, right);
  }

  public static SqlNode atMost(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, left, right);
  }

  public static SqlNode like(SqlNode value, SqlNode pattern) {
    return call(SqlStdOperatorTable.LIKE, value, pattern);
  }

  /** AND of the non-null conditions; null when there are none. */
  public static SqlNode and(SqlNode... conditions) {
    SqlNode result = null;
    for (SqlNode c : conditions) {
      if (c != null) {
        result = result == null ? c : call(SqlStdOperatorTable.AND, result, c);
      }
    }
    return result;
  }

  /** value IN (v1, v2, ...): how the driver takes several keys of one column. */
  public static SqlNode in(SqlNode value, List<SqlNode> values) {
    return call(SqlStdOperatorTable.IN, value, new SqlNodeList(values, POS));
  }

  public static SqlNode isNotNull(SqlNode value) {
    return call(SqlStdOperatorTable.IS_NOT_NULL, value);
  }

  public static SqlNode or(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.OR, left, right);
  }

  public static SqlNode sum(SqlNode operand) {
    return call(SqlStdOperatorTable.SUM, operand);
  }

  public static SqlNode max(SqlNode operand) {
    return call(SqlStdOperatorTable.MAX, operand);
  }

  public static SqlNode countDistinct(SqlNode operand) {
    return SqlStdOperatorTable.COUNT.createCall(SqlSelectKeyword.DISTINCT.symbol(POS), POS, operand);
  }

  public static SqlNode divide(SqlNode left, SqlNode right) {
    return call(SqlStdOperatorTable.DIVIDE, left, right);
  }

  /** CAST(operand AS DECIMAL(precision, scale)): a ratio read by people, rounded. */
  public static SqlNode decimal(SqlNode operand, int precision, int scale) {
    return call(SqlStdOperatorTable.CAST, operand,
        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, precision, scale, POS), POS));
  }

  public static SqlNode countStar() {
    return SqlStdOperatorTable.COUNT.createCall(POS, SqlIdentifier.star(POS));
  }

  public static SqlNode desc(SqlNode operand) {
    return call(SqlStdOperatorTable.DESC, operand);
  }

  public static SqlNode leftJoin(SqlNode left, SqlNode right, SqlNode on) {
    return join(JoinType.LEFT, left, right, on);
  }

  public static SqlNode innerJoin(SqlNode left, SqlNode right, SqlNode on) {
    return join(JoinType.INNER, left, right, on);
  }

  private static SqlNode join(JoinType type, SqlNode left, SqlNode right, SqlNode on) {
    return new SqlJoin(POS, left, SqlLiteral.createBoolean(false, POS), type.symbol(POS), right,
        JoinConditionType.ON.symbol(POS), on);
  }

  static SqlNodeList list(List<SqlNode> nodes) {
    return nodes.isEmpty() ? null : new SqlNodeList(nodes, POS);
  }

  private static SqlBasicCall call(SqlOperator operator, SqlNode... operands) {
    return (SqlBasicCall) operator.createCall(POS, operands);
  }

  /** The query as text for JDBC and for people. */
  public static String render(SqlNode query) {
    return query.toSqlString(c -> c.withDialect(DIALECT).withAlwaysUseParentheses(false)
        .withClauseStartsLine(true).withIndentation(2).withQuoteAllIdentifiers(true)).getSql();
  }

  /**
   * Reads SQL text (as {@link #render} writes it) back into a tree, accepting exactly one
   * read-only query: a SELECT, possibly with ORDER BY, UNION or WITH.
   */
  public static SqlNode parse(String sql) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, PARSER).parseQuery();
    } catch (SqlParseException e) {
      throw new IllegalArgumentException("Not valid SQL: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (!node.isA(SqlKind.QUERY)) {
      throw new IllegalArgumentException("Only a read-only query (SELECT) is allowed, not " + node.getKind());
    }
    return node;
  }

  static SqlParserPos pos() {
    return POS;
  }
}
