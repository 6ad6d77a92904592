package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.CredentialSet;
import java.io.PrintWriter;
import dev.statsigjdbc.driver.connect.AttachedDatabase;
import dev.statsigjdbc.driver.profile.Attachment;
import dev.statsigjdbc.driver.vault.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sources add <name>}: signs in to the MCP server (OAuth: register, consent in the browser, tokens to the
 * vault) or records where its API key comes from, and saves the data source. Adding an existing name signs it in
 * again (its URL is kept unless --url is given).
 */
@Command(name = "add", mixinStandardHelpOptions = true, versionProvider = StatsigSql.Version.class,
    description = "Sign in to a Statsig MCP server and save it as a named data source.")
final class SourcesAddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;
  @Mixin AttachOptions attach;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the data source (letters, digits, '.', '_', '-').")
  String name;

  @Option(names = "--url", description = "MCP server URL (default: the source's saved URL, else " + McpServerAddress.STATSIG_DEFAULT + ").")
  String url;

  @Option(names = "--browser", paramLabel = "MODE",
      description = "How to reach the sign-in page: system (open the browser), print (print the link), direct (fetch it; auto-approving test servers).")
  String browser;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Use a Console API key from this environment variable instead of OAuth (the key itself is never stored).")
  String apiKeyEnv;

  @Option(names = "--client-id", description = "Pre-registered OAuth client id (skips dynamic client registration).")
  String clientId;

  @Option(names = "--client-auth-method", paramLabel = "METHOD",
      description = "Token endpoint authentication of the pre-registered client: none, client_secret_post or client_secret_basic.")
  String clientAuthMethod;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DataSourceProfile.requireValidName(name);
    DataSources sources = options.dataSources();
    sources.vault().moveAsideIfUnreadable().ifPresent(aside -> out.printf(
        "The credential vault could not be read (another master key?); moved it aside to %s and starting a new one.%n", aside));
    Optional<DataSourceProfile> existing = sources.profiles().find(name);
    String target = url != null ? url : existing.map(DataSourceProfile::url).orElse(McpServerAddress.STATSIG_DEFAULT);
    Map<String, Attachment> attachments = attach.attachments(existing);
    Map<String, Secret> passwords = attach.passwords(sources, name, attachments);
    DataSourceProfile profile;
    if (apiKeyEnv != null) {
      profile = DataSourceProfile.apiKeyFromEnvironment(name, target, apiKeyEnv).withAttachments(attachments);
      if (sources.vault().load(name).isPresent()) {
        // The source signed in with OAuth before: revoke and forget those tokens rather than leave them behind.
        sources.remove(name);
      }
      sources.profiles().save(profile);
      out.printf("Saved data source '%s': %s with the API key from $%s.%n", name, profile.url(), apiKeyEnv);
      if (System.getenv(apiKeyEnv) == null) {
        out.printf("Note: %s is not set in this shell; set it wherever the source is used.%n", apiKeyEnv);
      }
    } else {
      profile = DataSourceProfile.oauth(name, target, clientId, clientAuthMethod).withAttachments(attachments);
      out.printf("Signing in to %s ...%n", profile.url());
      out.flush();
      CredentialSet credentials = sources.signIn(profile, sources.userAgent(browser, System.err));
      out.printf("Signed in. Saved data source '%s': %s (OAuth%s).%n", name, profile.url(),
          credentials.scope() == null ? "" : ", scope " + credentials.scope());
      if (credentials.refreshToken() == null) {
        out.printf("The server issues no refresh tokens: when the access token expires%s, sign in again with"
            + " `statsig-sql sources add %s` (connections with the browser property set sign in again by themselves).%n",
            credentials.expiresAt() == null ? "" : " (" + credentials.expiresAt() + ")", name);
      }
    }
    sources.saveAttachments(profile, passwords);
    attachments.forEach((schema, database) -> out.printf("Attaches a %s database as schema %s%s.%n",
        AttachedDatabase.urlScheme(database.url()), Attachment.schemaName(schema),
        passwords.containsKey(schema) ? " (password in the vault)" : ""));
    out.printf("Test it with `statsig-sql sources test %s`; connect with jdbc:statsig:profile=%s%n", name, name);
    return ExitCodes.OK;
  }
}
