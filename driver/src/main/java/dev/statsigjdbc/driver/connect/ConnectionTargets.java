package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.auth.McpOAuthClient;
import dev.statsigjdbc.driver.auth.UserAgent;
import dev.statsigjdbc.driver.mcp.ApiKeyCredentials;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.mcp.RequestCredentials;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.EncryptedValue;
import java.awt.GraphicsEnvironment;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Resolves connection properties to a {@link ConnectionTarget}, in this order:
 * <ol>
 *   <li>{@code apiKey} (possibly {@code ENC(...)}): that key, at {@code url};</li>
 *   <li>{@code profile=<name>}: the data source's URL and stored credentials;</li>
 *   <li>{@code url} alone: the data source saved for that URL, else an interactive sign-in with the
 *       {@code browser} strategy, saved as a new data source named after the host. A machine without a
 *       desktop (a BI server) gets an error asking to run {@code statsig-sql sources add} instead, unless
 *       {@code browser} is set explicitly.</li>
 * </ol>
 * A connection is interactive when {@code browser} is set or a desktop is available: then it also signs in
 * again when its tokens cannot be renewed (a server that issues no refresh tokens), instead of failing.
 * Errors are {@link IllegalArgumentException} (configuration), {@code OAuthException} (sign-in, including
 * {@code ReauthorizationRequiredException}) and {@code VaultException}; each message says what to do.
 */
public final class ConnectionTargets {
  private ConnectionTargets() {}

  public static ConnectionTarget resolve(Properties properties, Map<String, String> environment) {
    String apiKey = StatsigProperty.API_KEY.get(properties);
    if (apiKey != null) {
      String key = EncryptedValue.resolve(StatsigProperty.API_KEY.key(), apiKey, properties, environment).reveal();
      return new ConnectionTarget(McpServerAddress.parse(StatsigProperty.URL.get(properties)), new ApiKeyCredentials(key), null);
    }
    DataSources sources = DataSources.fromConfiguration(properties, environment);
    UserAgent userAgent = sources.userAgent(StatsigProperty.BROWSER.get(properties), System.err);
    boolean interactive = properties.getProperty(StatsigProperty.BROWSER.key()) != null || !GraphicsEnvironment.isHeadless();
    String profileName = StatsigProperty.PROFILE.get(properties);
    if (profileName != null) {
      DataSourceProfile profile = sources.profiles().find(profileName).orElseThrow(() -> new IllegalArgumentException(
          "No data source named '" + profileName + "' in " + sources.profiles().path() + ": add it with `statsig-sql sources add "
              + profileName + " --url <MCP server URL>`, or see `statsig-sql sources list`"));
      return forProfile(sources, profile, userAgent, interactive);
    }
    McpServerAddress address = McpServerAddress.parse(StatsigProperty.URL.get(properties));
    Optional<DataSourceProfile> saved = sources.profiles().findByUrl(address.toString());
    if (saved.isPresent()) {
      return forProfile(sources, saved.get(), userAgent, interactive);
    }
    if (!interactive) {
      throw new IllegalArgumentException("No saved sign-in for " + address + " and no browser on this machine to sign in with: run `statsig-sql sources add "
          + suggestedName(address) + " --url " + address + "` (on a machine with a browser, or with --browser print) and connect with profile="
          + suggestedName(address) + ", or set apiKey");
    }
    return signInInteractively(sources, address, userAgent);
  }

  private static ConnectionTarget forProfile(DataSources sources, DataSourceProfile profile, UserAgent userAgent,
      boolean interactive) {
    return new ConnectionTarget(profile.address(), sources.credentials(profile, userAgent, interactive), profile.name());
  }

  /**
   * Signs in now when the server refuses an unauthenticated initialize; a server that accepts one may still ask
   * later (for a tool call, or for more scope), so the sign-in then happens on its first refusal.
   */
  private static ConnectionTarget signInInteractively(DataSources sources, McpServerAddress address, UserAgent userAgent) {
    McpOAuthClient oauth = sources.oauthClient(null, userAgent);
    DataSourceProfile profile = DataSourceProfile.oauth(unusedName(sources, address), address.toString(), null, null);
    Function<String, RequestCredentials> signIn = challenge -> {
      oauth.signIn(profile.name(), address.uri(), challenge);
      sources.profiles().save(profile);
      return sources.credentials(profile, userAgent, true);
    };
    Optional<String> challenge = oauth.probe(address.uri());
    RequestCredentials credentials = challenge.isPresent() ? signIn.apply(challenge.get()) : new SignInOnDemandCredentials(signIn);
    return new ConnectionTarget(address, credentials, profile.name());
  }

  /** A data source name from the host (and port): {@code api.statsig.com}, {@code 127.0.0.1-8787}. */
  static String suggestedName(McpServerAddress address) {
    return address.uri().getHost() + (address.uri().getPort() == -1 ? "" : "-" + address.uri().getPort());
  }

  private static String unusedName(DataSources sources, McpServerAddress address) {
    String base = suggestedName(address);
    String name = base;
    for (int i = 2; sources.profiles().find(name).isPresent(); i++) {
      name = base + "-" + i;
    }
    return name;
  }
}
