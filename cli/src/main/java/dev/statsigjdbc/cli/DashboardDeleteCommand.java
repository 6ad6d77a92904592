package dev.statsigjdbc.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dashboard delete <name>}: forgets a dashboard and its pins. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Delete a dashboard and its pinned answers.")
final class DashboardDeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DashboardOptions options;

  @Parameters(index = "0", paramLabel = "NAME", description = "The dashboard.")
  String name;

  @Override
  public Integer call() {
    if (!options.store().delete(name)) {
      spec.commandLine().getErr().printf("No dashboard named '%s'; see `statsig-sql dashboard list`.%n", name);
      return ExitCodes.FAILURE;
    }
    spec.commandLine().getOut().printf("Deleted dashboard '%s'.%n", name);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
