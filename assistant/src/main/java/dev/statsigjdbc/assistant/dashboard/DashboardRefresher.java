package dev.statsigjdbc.assistant.dashboard;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every pin's SQL again and narrates the rows as the assistant would today. A pin whose SQL
 * fails keeps its last chart and says why; the others still refresh.
 */
public final class DashboardRefresher {
  private final Assistant assistant;
  private final Clock clock;

  public DashboardRefresher(Assistant assistant, Clock clock) {
    this.assistant = assistant;
    this.clock = clock;
  }

  /** The panels in pin order; {@link #pinsOf} gives the dashboard to save with the new charts. */
  public List<Panel> refresh(Dashboard dashboard) {
    List<Panel> panels = new ArrayList<>();
    for (Pin pin : dashboard.pins()) {
      panels.add(refresh(pin));
    }
    return panels;
  }

  public static Dashboard pinsOf(String name, List<Panel> panels) {
    return new Dashboard(name, panels.stream().map(Panel::pin).toList());
  }

  private Panel refresh(Pin pin) {
    try {
      Answer answer = assistant.answer(pin.question(), pin.plan());
      return new Panel(pin.refreshed(answer.chart(), clock.instant()), answer, null);
    } catch (SQLException | IllegalArgumentException e) {
      return new Panel(pin, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
