package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.dashboard.DashboardStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where dashboards are kept, shared by {@code dashboard}, {@code ask --pin} and {@code demo} (a picocli mixin). */
final class DashboardOptions {
  @Option(names = "--dashboard-dir", paramLabel = "DIR",
      description = "Folder of the dashboard files (default ~/.statsig-jdbc/dashboards).")
  Path dashboardDir;

  DashboardStore store() {
    return new DashboardStore(dashboardDir != null ? dashboardDir : DashboardStore.defaultFolder());
  }
}
