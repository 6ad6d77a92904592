package dev.statsigjdbc.assistant.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParser;

/** Whatever the words, the planner either declines or produces one parseable SELECT. */
class PlannerPropertiesTest {
  private static final List<String> WORDS = List.of("did", "the", "checkout", "test", "move", "revenue", "per",
      "user", "new-onboarding", "gate", "exposure", "split", "how", "many", "experiments", "active", "shipped",
      "this", "quarter", "last", "30", "days", "since", "march", "activation", "trend", "rollout", "state",
      "compare", "groups", "tagged", "north", "star", "list", "which", "what", "'", "\"", ";", "--", "drop", "table",
      "yesterday", "year", "zebra", "%", "_", "guest_checkout", "checkout_v2", "conversion");

  private final OfflinePlanner planner = new OfflinePlanner();
  private final PlanningContext context = new PlanningContext(EntityLexiconTest.LEXICON, LocalDate.of(2026, 11, 25));

  @Provide
  Arbitrary<String> questions() {
    return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(12).map(words -> String.join(" ", words));
  }

  @Property(tries = 500)
  void declinesOrPlansOneSelect(@ForAll("questions") String question) throws Exception {
    Plan plan = planner.plan(question, context);
    if (!plan.understood()) {
      assertThat(plan.suggestions()).isNotEmpty();
      return;
    }
    SqlNode parsed = SqlParser.create(plan.sql(), SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE)).parseQuery();
    SqlNode query = parsed instanceof org.apache.calcite.sql.SqlOrderBy o ? o.query : parsed;
    assertThat(query).isInstanceOf(SqlSelect.class);
    assertThat(plan.sql()).doesNotContainIgnoringCase("drop");
  }
}
