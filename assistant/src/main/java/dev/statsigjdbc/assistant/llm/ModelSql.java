package dev.statsigjdbc.assistant.llm;

import dev.statsigjdbc.assistant.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A model's reply read as SQL and checked: one read-only query (Calcite parses it) whose tables
 * all exist. Anything else is an {@link IllegalArgumentException} whose message goes back to the model.
 */
final class ModelSql {
  private static final Pattern FENCED = Pattern.compile("```(?:sql)?\\s*(.*?)```", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  /** schema.table, lower case. */
  private final Set<String> knownTables;
  private final Set<String> unqualified;

  ModelSql(Set<String> knownTables) {
    this.knownTables = knownTables;
    this.unqualified = knownTables.stream().map(t -> t.substring(t.indexOf('.') + 1)).collect(Collectors.toSet());
  }

  SqlNode check(String reply) {
    if (reply == null || reply.isBlank()) {
      throw new IllegalArgumentException("The reply was empty; reply with one SELECT statement.");
    }
    SqlNode query = Sql.parse(text(reply));
    List<String> unknown = tables(query).stream()
        .filter(t -> !(t.contains(".") ? knownTables.contains(t) : unqualified.contains(t))).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("Unknown table(s) " + unknown + "; use only " + knownTables.stream().sorted().toList());
    }
    return query;
  }

  /** The SQL inside a fenced block if there is one, without a trailing semicolon. */
  private static String text(String reply) {
    Matcher fenced = FENCED.matcher(reply);
    String sql = (fenced.find() ? fenced.group(1) : reply).strip();
    return sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql;
  }

  /** Every table in a FROM clause, anywhere in the query, as schema.table (or table alone), in lower case. */
  private static List<String> tables(SqlNode query) {
    List<String> tables = new ArrayList<>();
    query.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlSelect select && select.getFrom() != null) {
          from(select.getFrom(), tables);
        }
        return super.visit(call);
      }
    });
    return tables;
  }

  private static void from(SqlNode node, List<String> tables) {
    if (node instanceof SqlIdentifier id) {
      int parts = id.names.size();
      tables.add((parts == 1 ? id.names.get(0) : id.names.get(parts - 2) + "." + id.names.get(parts - 1))
          .toLowerCase(Locale.ROOT));
    } else if (node instanceof SqlJoin join) {
      from(join.getLeft(), tables);
      from(join.getRight(), tables);
    } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
      from(call.operand(0), tables);
    }
  }
}
