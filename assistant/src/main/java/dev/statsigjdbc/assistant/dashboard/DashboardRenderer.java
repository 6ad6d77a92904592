package dev.statsigjdbc.assistant.dashboard;

import dev.statsigjdbc.assistant.Assistant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Renders a stored dashboard: re-runs every pin's SQL, saves the refreshed charts and times back to
 * the store and writes the page.
 */
public final class DashboardRenderer {
  private final DashboardStore store;
  private final DashboardRefresher refresher;
  private final Clock clock;

  public DashboardRenderer(DashboardStore store, Assistant assistant, Clock clock) {
    this.store = store;
    this.refresher = new DashboardRefresher(assistant, clock);
    this.clock = clock;
  }

  /** What a render did: the page written and each pin's panel. */
  public record Rendered(Path page, List<Panel> panels) {
    public long failed() {
      return panels.stream().filter(p -> !p.refreshed()).count();
    }
  }

  /** A refreshed dashboard as HTML (not written anywhere), and each pin's panel. */
  public record Page(String html, List<Panel> panels) {}

  public Rendered render(String name, Path page) throws IOException {
    Page rendered = renderPage(name);
    Path parent = page.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(page, rendered.html(), StandardCharsets.UTF_8);
    return new Rendered(page, rendered.panels());
  }

  /** Re-runs the pins, saves the refreshed charts and times, and returns the page (a server sends it). */
  public Page renderPage(String name) throws IOException {
    Dashboard dashboard = store.load(name);
    List<Panel> panels = refresher.refresh(dashboard);
    store.update(name, current -> DashboardRefresher.withRefreshed(current, panels));
    return new Page(new DashboardPage().render(dashboard.name(), panels, clock.instant()), panels);
  }
}
