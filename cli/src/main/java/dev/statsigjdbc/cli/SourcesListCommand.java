package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.connect.AttachedDatabase;
import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.profile.AuthKind;
import dev.statsigjdbc.driver.profile.Attachment;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.CredentialSet;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sources list}: name, URL, auth kind and sign-in state of every data source; never a token or key. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "List the data sources: name, URL, authentication and token expiry.")
final class SourcesListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DataSources sources = options.dataSources();
    List<DataSourceProfile> profiles = sources.profiles().all();
    if (profiles.isEmpty()) {
      out.println("No data sources yet: add one with `statsig-sql sources add <name> --url <MCP server URL>`.");
      return ExitCodes.OK;
    }
    String format = "%-20s %-45s %-8s %s%n";
    out.printf(format, "NAME", "URL", "AUTH", "CREDENTIALS");
    for (DataSourceProfile profile : profiles) {
      out.printf(format, profile.name(), profile.url(), profile.auth().label(), credentialState(sources, profile));
      profile.attach().forEach((name, database) -> out.printf("%-20s attaches a %s database as schema %s%n", "",
          AttachedDatabase.urlScheme(database.url()), Attachment.schemaName(name)));
    }
    return ExitCodes.OK;
  }

  private static String credentialState(DataSources sources, DataSourceProfile profile) {
    if (profile.auth() == AuthKind.API_KEY) {
      return profile.apiKeyEnv() != null ? "API key from $" + profile.apiKeyEnv() : "API key (ENC value)";
    }
    CredentialSet credentials = sources.vault().load(profile.name()).orElse(null);
    if (credentials == null || credentials.accessToken() == null) {
      return "not signed in (run `statsig-sql sources add " + profile.name() + "`)";
    }
    Instant expiry = credentials.expiresAt();
    String refresh = credentials.refreshToken() != null ? "; refreshes automatically" : "; no refresh token";
    if (expiry == null) {
      return "signed in" + refresh;
    }
    return (expiry.isAfter(Instant.now()) ? "token expires " : "token expired ") + expiry.truncatedTo(ChronoUnit.SECONDS) + refresh;
  }
}
