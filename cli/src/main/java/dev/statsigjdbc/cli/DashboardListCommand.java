package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.Pin;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dashboard list}: every dashboard with its numbered pins (the numbers {@code unpin} takes). */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "List the dashboards and their pinned questions, numbered.")
final class DashboardListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DashboardOptions options;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Dashboard> dashboards = options.store().list();
    if (dashboards.isEmpty()) {
      out.printf("No dashboards in %s; pin an answer with: statsig-sql ask \"...\" --demo --pin NAME%n",
          options.store().folder());
    }
    for (Dashboard dashboard : dashboards) {
      out.printf("%s (%d pinned)%n", dashboard.name(), dashboard.pins().size());
      for (int i = 0; i < dashboard.pins().size(); i++) {
        Pin pin = dashboard.pins().get(i);
        out.printf("  %d. %s   (last refreshed %s)%n", i + 1, pin.question(), pin.refreshedAt());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
