package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.dashboard.Pin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dashboard unpin <name> <n>}: removes the n-th pin as {@code dashboard list} numbers them. */
@Command(name = "unpin", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Remove one pinned answer from a dashboard (numbers as `dashboard list` shows them).")
final class DashboardUnpinCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DashboardOptions options;

  @Parameters(index = "0", paramLabel = "NAME", description = "The dashboard.")
  String name;

  @Parameters(index = "1", paramLabel = "N", description = "The pin's number, from 1.")
  int number;

  @Override
  public Integer call() throws Exception {
    Pin removed = options.store().unpin(name, number);
    spec.commandLine().getOut().printf("Unpinned %d. %s from %s.%n", number, removed.question(), name);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
