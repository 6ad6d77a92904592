package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.dashboard.Dashboard;
import dev.statsigjdbc.assistant.dashboard.DashboardStore;
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
    DashboardStore store = options.store();
    Dashboard before = store.load(name);
    store.save(before.without(number));
    String question = before.pins().get(number - 1).question();
    spec.commandLine().getOut().printf("Unpinned %d. %s from %s.%n", number, question, name);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
