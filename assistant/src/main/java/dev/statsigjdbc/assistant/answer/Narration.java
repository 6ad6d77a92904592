package dev.statsigjdbc.assistant.answer;

import java.util.List;

/** The words, caveats and chart made from one result. */
public record Narration(String summary, List<String> caveats, ChartSpec chart) {
  public Narration {
    caveats = List.copyOf(caveats);
  }
}
