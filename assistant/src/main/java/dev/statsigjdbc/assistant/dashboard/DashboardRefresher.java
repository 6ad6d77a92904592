package dev.statsigjdbc.assistant.dashboard;

import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.plan.PeriodRebase;
import dev.statsigjdbc.assistant.plan.Plan;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every pin's SQL again and narrates the rows as the assistant would today; a relative
 * period ("this quarter") is the clock's current one. A pin whose SQL fails keeps its last chart
 * and says why; the others still refresh.
 */
public final class DashboardRefresher {
  private final Assistant assistant;
  private final Clock clock;

  public DashboardRefresher(Assistant assistant, Clock clock) {
    this.assistant = assistant;
    this.clock = clock;
  }

  /** The panels in pin order; {@link #withRefreshed} puts their new charts into the dashboard as saved meanwhile. */
  public List<Panel> refresh(Dashboard dashboard) {
    List<Panel> panels = new ArrayList<>();
    for (Pin pin : dashboard.pins()) {
      panels.add(refresh(pin));
    }
    return panels;
  }

  /**
   * The dashboard as it is now in the store with each refreshed pin replaced: pins added or removed
   * by others while the queries ran stay added or removed. A pin is known by its question and the
   * second it was pinned.
   */
  public static Dashboard withRefreshed(Dashboard current, List<Panel> panels) {
    Map<List<Object>, Pin> refreshed = new HashMap<>();
    panels.forEach(p -> refreshed.put(key(p.pin()), p.pin()));
    return new Dashboard(current.name(), current.pins().stream().map(p -> refreshed.getOrDefault(key(p), p)).toList());
  }

  private static List<Object> key(Pin pin) {
    return List.of(pin.question(), pin.pinnedAt());
  }

  private Panel refresh(Pin pin) {
    try {
      Plan plan = PeriodRebase.to(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), pin.plan());
      Answer answer = assistant.answer(pin.question(), plan);
      return new Panel(pin.refreshed(plan, answer.chart(), clock.instant()), answer, null);
    } catch (SQLException | IllegalArgumentException e) {
      return new Panel(pin, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
