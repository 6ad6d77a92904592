package dev.statsigjdbc.assistant;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.answer.Narration;
import dev.statsigjdbc.assistant.answer.Narrator;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.assistant.plan.EntityLexicon;
import dev.statsigjdbc.assistant.plan.OfflinePlanner;
import dev.statsigjdbc.assistant.plan.Plan;
import dev.statsigjdbc.assistant.plan.Planner;
import dev.statsigjdbc.assistant.plan.PlanningContext;
import dev.statsigjdbc.assistant.plan.SchemaDescription;
import dev.statsigjdbc.assistant.plan.Slot;
import dev.statsigjdbc.assistant.sql.Select;
import dev.statsigjdbc.assistant.sql.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Answers questions over a JDBC connection to Statsig: plan, run the SQL, narrate. Knows nothing
 * about how the connection reaches Statsig.
 */
public final class Assistant {
  private final Connection connection;
  private final Planner planner;
  private final Clock clock;
  private EntityLexicon lexicon;
  /** The statement running a question's query, for {@link #cancel()} from another thread. */
  private volatile Statement running;
  private SchemaDescription tables;

  /**
   * @param clock what "today" is for time phrases (UTC day of the clock)
   */
  public Assistant(Connection connection, Planner planner, Clock clock) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.planner = Objects.requireNonNull(planner, "planner");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The offline planner over the system clock. */
  public static Assistant offline(Connection connection) {
    return new Assistant(connection, new OfflinePlanner(), Clock.systemUTC());
  }

  public Answer ask(String question) throws SQLException {
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("Ask a question in words, e.g. \"Did the checkout test move revenue per user?\"");
    }
    Plan plan = planner.plan(question, new PlanningContext(lexicon(), today(), tables()));
    return answer(question, plan);
  }

  /** Runs a plan made earlier (a dashboard's pinned query) and narrates today's rows. */
  public Answer answer(String question, Plan plan) throws SQLException {
    EntityLexicon entities = lexicon();
    if (!plan.understood()) {
      return new Answer(question, plan, new ResultTable(List.of(), List.of()),
          plan.explanation() + " Try: " + String.join(" | ", plan.suggestions()), List.of(), ChartSpec.table(question));
    }
    ResultTable table = query(plan.sql());
    Narration narration = new Narrator(entities::direction).narrate(plan, table, experimentStart(plan));
    String readAs = plan.evidence().isEmpty() ? "" : " (Read as: " + String.join("; ", plan.evidence()) + ".)";
    return new Answer(question, plan, table, narration.summary() + readAs, narration.caveats(), narration.chart());
  }

  /** Whether a question's query is running now. */
  public boolean busy() {
    return running != null;
  }

  /** Cancels the query running now, if any (another thread's question: chat's Ctrl-C). */
  public void cancel() throws SQLException {
    Statement statement = running;
    if (statement != null) {
      statement.cancel();
    }
  }

  /** The entities known to the connection, read on first use. */
  public synchronized EntityLexicon lexicon() throws SQLException {
    if (lexicon == null) {
      lexicon = EntityLexicon.load(connection);
    }
    return lexicon;
  }

  /** The tables of Statsig and of attached databases, read on first use. */
  public synchronized SchemaDescription tables() throws SQLException {
    if (tables == null) {
      tables = SchemaDescription.read(connection);
    }
    return tables;
  }

  /** The UTC day of the assistant's clock: what "today" means in questions. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private ResultTable query(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      running = statement;
      try (ResultSet rows = statement.executeQuery(sql)) {
        return ResultTable.read(rows);
      }
    } finally {
      running = null;
    }
  }

  /** When a plan has both an experiment and a period, the experiment's start day: windows before it are empty. */
  private LocalDate experimentStart(Plan plan) throws SQLException {
    String experiment = plan.slot(Slot.EXPERIMENT);
    if (experiment == null || plan.period() == null) {
      return null;
    }
    ResultTable t = query(Sql.render(Select.from(Sql.table("experiments", "e"))
        .columns(Sql.col("e", "start_time"))
        .where(Sql.eq(Sql.col("e", "id"), Sql.text(experiment)))
        .build()));
    Object start = t.size() == 0 ? null : t.value(0, "start_time");
    return start instanceof Timestamp ts ? ts.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null;
  }
}
