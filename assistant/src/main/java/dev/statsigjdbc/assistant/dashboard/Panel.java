package dev.statsigjdbc.assistant.dashboard;

import dev.statsigjdbc.assistant.Answer;

/**
 * A pin as shown on a rendered dashboard: the pin (with its chart refreshed when its SQL ran)
 * and either today's answer or why the SQL could not run.
 */
public record Panel(Pin pin, Answer answer, String error) {
  public Panel {
    if ((answer == null) == (error == null)) {
      throw new IllegalArgumentException("a panel has either an answer or an error");
    }
  }

  public boolean refreshed() {
    return answer != null;
  }
}
