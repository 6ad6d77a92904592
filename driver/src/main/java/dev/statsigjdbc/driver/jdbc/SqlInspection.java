package dev.statsigjdbc.driver.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.util.Util;

/**
 * What a SQL text is about before Calcite runs it: whether it would change anything (refused:
 * the driver is read-only) and which names it mentions (to explain empty results).
 *
 * @param modifies true for DML and DDL
 * @param query true for a query (SELECT, WITH, VALUES, set operations), whose plan can be kept
 * @param names every identifier part in the statement, lower case
 * @param equalities the statement's comparisons of a column with a literal, as written ({@code tag = 'x'})
 */
record SqlInspection(boolean modifies, boolean query, Set<String> names, List<String> equalities) {

  /** Statements the core parser does not know but that certainly change things. */
  private static final Set<String> DDL_WORDS = Set.of(
      "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "RENAME", "COMMENT", "REPLACE", "UPSERT");

  static SqlInspection of(String sql, SqlParser.Config parserConfig) {
    try {
      SqlNode node = SqlParser.create(sql, parserConfig).parseStmt();
      Set<String> names = new TreeSet<>();
      List<String> equalities = new ArrayList<>();
      node.accept(new SqlBasicVisitor<Void>() {
        @Override
        public Void visit(SqlIdentifier id) {
          id.names.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
          return null;
        }

        @Override
        public Void visit(SqlCall call) {
          if (call.getKind() == SqlKind.EQUALS && call.operandCount() == 2
              && call.operand(0) instanceof SqlIdentifier column && call.operand(1) instanceof SqlLiteral value) {
            equalities.add(Util.last(column.names).toLowerCase(Locale.ROOT) + " = " + value);
          }
          return super.visit(call);
        }
      });
      SqlKind kind = node.getKind();
      return new SqlInspection(kind.belongsTo(SqlKind.DML) || kind.belongsTo(SqlKind.DDL), kind.belongsTo(SqlKind.QUERY),
          names, List.copyOf(equalities));
    } catch (SqlParseException e) {
      // Calcite will report the syntax error itself; only recognise statements that would write.
      String first = sql.strip().split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
      return new SqlInspection(DDL_WORDS.contains(first), false, Set.of(), List.of());
    }
  }
}
