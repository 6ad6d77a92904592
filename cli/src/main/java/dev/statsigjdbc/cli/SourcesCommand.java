package dev.statsigjdbc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code statsig-sql sources}: named data sources (profiles) and their sign-ins. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "Add, list, test and remove named data sources (Statsig MCP servers and their credentials).",
    subcommands = {SourcesAddCommand.class, SourcesListCommand.class, SourcesTestCommand.class, SourcesRemoveCommand.class})
final class SourcesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a subcommand: add, list, test or remove");
  }
}
