package dev.statsigjdbc.assistant.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.Answer;
import java.math.BigDecimal;
import java.util.List;

/** The whole answer as one JSON object, for scripts and other tools. */
public final class AnswerJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerJson() {}

  public static ObjectNode of(Answer answer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("question", answer.question());
    root.put("understood", answer.understood());
    root.put("intent", answer.plan().intent().name());
    root.put("explanation", answer.plan().explanation());
    root.put("sql", answer.sql());
    ArrayNode columns = root.putArray("columns");
    answer.table().columns().forEach(columns::add);
    ArrayNode rows = root.putArray("rows");
    for (List<Object> row : answer.table().rows()) {
      ArrayNode out = rows.addArray();
      for (Object v : row) {
        if (v == null) {
          out.addNull();
        } else if (v instanceof Number n) {
          out.add(new BigDecimal(n.toString()));
        } else if (v instanceof Boolean b) {
          out.add(b);
        } else {
          out.add(v.toString());
        }
      }
    }
    root.put("summary", answer.summary());
    ArrayNode caveats = root.putArray("caveats");
    answer.caveats().forEach(caveats::add);
    root.set("chart", JSON.valueToTree(answer.chart()));
    ArrayNode suggestions = root.putArray("suggestions");
    answer.plan().suggestions().forEach(suggestions::add);
    return root;
  }
}
