package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.connect.DataSources;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sources remove <name>}: revokes the tokens at the server where it can, then forgets the source. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Sign a data source out (revoking its tokens at the server) and forget it.")
final class SourcesRemoveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the data source.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DataSources.Removal removal = options.dataSources().remove(name);
    if (!removal.profileRemoved() && !removal.credentialsRemoved()) {
      spec.commandLine().getErr().printf("No data source named '%s'; see `statsig-sql sources list`.%n", name);
      return ExitCodes.FAILURE;
    }
    if (removal.credentialsRemoved()) {
      out.println(removal.revoked()
          ? "Revoked the tokens at the server and deleted the stored credentials."
          : "Deleted the stored credentials (the server could not revoke them, or has no revocation endpoint).");
    }
    out.printf("Removed data source '%s'.%n", name);
    return ExitCodes.OK;
  }
}
