package dev.statsigjdbc.assistant.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.statsigjdbc.assistant.plan.Entity;
import dev.statsigjdbc.assistant.plan.EntityKind;
import dev.statsigjdbc.assistant.plan.Intent;
import dev.statsigjdbc.assistant.plan.OfflinePlanner;
import dev.statsigjdbc.assistant.plan.Plan;
import dev.statsigjdbc.assistant.plan.Planner;
import dev.statsigjdbc.assistant.plan.PlanningContext;
import dev.statsigjdbc.assistant.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlNode;

/**
 * Plans with a language model: the prompt carries the tables, columns, remarks and the live entity
 * names; the reply must be one read-only SELECT over known tables (parsed by Calcite). A refused
 * reply goes back to the model once with the reason; a second refusal, or a model that fails or
 * times out, leaves the question to the fallback planner (whose plan says why).
 */
public final class LlmPlanner implements Planner {
  private static final int ATTEMPTS = 2;
  private final ChatModel model;
  private final SchemaDescription schema;
  private final ModelSql modelSql;
  private final Planner fallback;

  public LlmPlanner(ChatModel model, SchemaDescription schema, Planner fallback) {
    this.model = model;
    this.schema = schema;
    this.modelSql = new ModelSql(schema.tableNames());
    this.fallback = fallback;
  }

  /** The model from {@code settings} over the connection's tables, falling back to the offline planner. */
  public static LlmPlanner over(Connection connection, LlmSettings settings) throws SQLException {
    return new LlmPlanner(settings.chatModel(), SchemaDescription.read(connection, Sql.SCHEMA), new OfflinePlanner());
  }

  @Override
  public Plan plan(String question, PlanningContext context) {
    List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(prompt(context)), UserMessage.from(question)));
    String refusal = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      String reply;
      try {
        reply = model.chat(messages).aiMessage().text();
      } catch (RuntimeException e) {
        return fallback(question, context, "the language model did not answer (" + e.getClass().getSimpleName() + ")");
      }
      try {
        SqlNode query = modelSql.check(reply);
        return Plan.understood(Intent.MODEL_SQL, query, Map.of(), null, question);
      } catch (IllegalArgumentException e) {
        refusal = e.getMessage();
        messages.add(AiMessage.from(reply == null || reply.isBlank() ? "(no reply)" : reply));
        messages.add(UserMessage.from("That SQL was refused: " + refusal + "\nReply with one corrected SELECT statement only."));
      }
    }
    return fallback(question, context, "the language model's SQL was refused twice (" + refusal + ")");
  }

  private Plan fallback(String question, PlanningContext context, String why) {
    Plan plan = fallback.plan(question, context);
    return new Plan(plan.intent(), plan.query(), plan.slots(), plan.period(),
        "Answered without the language model: " + why + ". " + plan.explanation(), plan.suggestions());
  }

  String prompt(PlanningContext context) {
    StringBuilder prompt = new StringBuilder("""
        You write SQL for Apache Calcite over Statsig data (experiments, feature gates, metrics).
        Reply with exactly one read-only SELECT statement and nothing else: no explanation, no other statements.
        Quote every identifier with double quotes and qualify tables with the schema, e.g. "%s"."experiments".
        Today is %s (UTC). Use the ids below in filters.

        Tables and columns:
        """.formatted(schema.schema(), context.today()));
    prompt.append(schema.asText()).append("\nNames known today:\n");
    for (EntityKind kind : EntityKind.values()) {
      prompt.append(kind.table()).append(": ").append(context.lexicon().all(kind).stream()
          .map(LlmPlanner::named).collect(Collectors.joining(", "))).append('\n');
    }
    return prompt.toString();
  }

  private static String named(Entity entity) {
    return entity.name() == null || entity.name().equals(entity.id()) ? entity.id() : entity.id() + " (" + entity.name() + ")";
  }
}
