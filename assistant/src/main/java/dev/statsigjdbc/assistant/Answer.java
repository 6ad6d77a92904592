package dev.statsigjdbc.assistant;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.answer.ResultTable;
import dev.statsigjdbc.assistant.plan.Plan;
import java.util.List;

/**
 * What the assistant says to a question: the plan and its SQL, the rows, a summary with the
 * numbers that matter, caveats and one chart.
 */
public record Answer(String question, Plan plan, ResultTable table, String summary, List<String> caveats,
    ChartSpec chart) {

  public Answer {
    caveats = List.copyOf(caveats);
  }

  public String sql() {
    return plan.sql();
  }

  public boolean understood() {
    return plan.understood();
  }
}
