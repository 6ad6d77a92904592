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
import dev.statsigjdbc.assistant.plan.SchemaDescription;
import dev.statsigjdbc.assistant.sql.Sql;
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
  private final Planner fallback;

  public LlmPlanner(ChatModel model, Planner fallback) {
    this.model = model;
    this.fallback = fallback;
  }

  /** The model from {@code settings}, falling back to the offline planner. */
  public static LlmPlanner over(LlmSettings settings) {
    return new LlmPlanner(settings.chatModel(), new OfflinePlanner());
  }

  @Override
  public Plan plan(String question, PlanningContext context) {
    List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(prompt(context)), UserMessage.from(question)));
    ModelSql modelSql = new ModelSql(context.tables().qualifiedNames());
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
        %s
        Tables and columns:
        """.formatted(Sql.SCHEMA, context.today(), attachedNote(context.tables())));
    prompt.append(context.tables().asText()).append("\nNames known today:\n");
    for (EntityKind kind : EntityKind.values()) {
      prompt.append(kind.table()).append(": ").append(context.lexicon().all(kind).stream()
          .map(LlmPlanner::named).collect(Collectors.joining(", "))).append('\n');
    }
    return prompt.toString();
  }

  /** Attached schemas hold the company's own numbers; their rows meet Statsig's on experiment, group and user ids. */
  private static String attachedNote(SchemaDescription tables) {
    List<String> schemas = tables.attached().stream().map(SchemaDescription.Table::schema).distinct().toList();
    return schemas.isEmpty() ? "" : "Schemas " + schemas + " are the company's own databases, attached next to \""
        + Sql.SCHEMA + "\": join their tables with Statsig's on matching id columns (experiment, group, user ids).\n";
  }

  private static String named(Entity entity) {
    return entity.name() == null || entity.name().equals(entity.id()) ? entity.id() : entity.id() + " (" + entity.name() + ")";
  }
}
