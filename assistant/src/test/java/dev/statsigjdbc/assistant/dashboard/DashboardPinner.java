package dev.statsigjdbc.assistant.dashboard;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.plan.Intent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A child process for {@link DashboardLockingTest}: pins {@code count} answers named
 * {@code <label>-<i>} to one dashboard, and after each pin with an even number unpins that
 * process's oldest remaining pin, as fast as it can.
 */
public final class DashboardPinner {
  private DashboardPinner() {}

  public static void main(String[] args) throws Exception {
    run(new DashboardStore(Path.of(args[0])), args[1], args[2], Integer.parseInt(args[3]), Boolean.parseBoolean(args[4]));
  }

  static void run(DashboardStore store, String dashboard, String label, int count, boolean unpinEveryOther)
      throws Exception {
    for (int i = 0; i < count; i++) {
      store.pin(dashboard, pin(label + "-" + i));
      if (unpinEveryOther && i % 2 == 1) {
        store.update(dashboard, d -> d.without(1 + indexOfFirst(d, label + "-")));
      }
    }
  }

  static Pin pin(String question) {
    Instant now = Instant.parse("2026-11-25T08:00:00Z");
    return new Pin(question, "SELECT 1", Intent.LIST_ENTITIES, Map.of(), null, ChartSpec.table(question), now, now);
  }

  private static int indexOfFirst(Dashboard dashboard, String prefix) {
    for (int i = 0; i < dashboard.pins().size(); i++) {
      if (dashboard.pins().get(i).question().startsWith(prefix)) {
        return i;
      }
    }
    throw new IllegalStateException("no pin starting with " + prefix);
  }
}
