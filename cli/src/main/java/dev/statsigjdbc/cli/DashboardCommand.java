package dev.statsigjdbc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code statsig-sql dashboard}: pinned answers, re-run and drawn as one HTML page. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "List, render, unpin from and delete dashboards (pin answers with `ask --pin NAME`).",
    subcommands = {DashboardListCommand.class, DashboardRenderCommand.class, DashboardUnpinCommand.class,
        DashboardDeleteCommand.class})
final class DashboardCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: list, render, unpin or delete");
  }
}
