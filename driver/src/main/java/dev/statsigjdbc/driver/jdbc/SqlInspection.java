package dev.statsigjdbc.driver.jdbc;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * What a SQL text is about before Calcite runs it: whether it would change anything (refused:
 * the driver is read-only) and which names it mentions (to explain empty results).
 *
 * @param modifies true for DML and DDL
 * @param query true for a query (SELECT, WITH, VALUES, set operations), whose plan can be kept
 * @param names every identifier part in the statement, lower case
 */
record SqlInspection(boolean modifies, boolean query, Set<String> names) {

  /** Statements the core parser does not know but that certainly change things. */
  private static final Set<String> DDL_WORDS = Set.of(
      "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "RENAME", "COMMENT", "REPLACE", "UPSERT");

  static SqlInspection of(String sql, SqlParser.Config parserConfig) {
    try {
      SqlNode node = SqlParser.create(sql, parserConfig).parseStmt();
      Set<String> names = new TreeSet<>();
      node.accept(new SqlBasicVisitor<Void>() {
        @Override
        public Void visit(SqlIdentifier id) {
          id.names.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
          return null;
        }
      });
      SqlKind kind = node.getKind();
      return new SqlInspection(kind.belongsTo(SqlKind.DML) || kind.belongsTo(SqlKind.DDL), kind.belongsTo(SqlKind.QUERY),
          names);
    } catch (SqlParseException e) {
      // Calcite will report the syntax error itself; only recognise statements that would write.
      String first = sql.strip().split("[\\s(]+", 2)[0].toUpperCase(Locale.ROOT);
      return new SqlInspection(DDL_WORDS.contains(first), false, Set.of());
    }
  }
}
