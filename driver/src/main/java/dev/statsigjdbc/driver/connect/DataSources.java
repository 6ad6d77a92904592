package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.auth.HttpTransport;
import dev.statsigjdbc.driver.auth.McpOAuthClient;
import dev.statsigjdbc.driver.auth.OAuthSettings;
import dev.statsigjdbc.driver.auth.UserAgent;
import dev.statsigjdbc.driver.auth.UserAgents;
import dev.statsigjdbc.driver.mcp.ApiKeyCredentials;
import dev.statsigjdbc.driver.mcp.RequestCredentials;
import dev.statsigjdbc.driver.profile.AuthKind;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.profile.ProfileStore;
import dev.statsigjdbc.driver.vault.CredentialVault;
import dev.statsigjdbc.driver.vault.EncryptedValue;
import dev.statsigjdbc.driver.vault.CredentialSet;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import dev.statsigjdbc.driver.vault.Secret;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configured data source machinery, shared by the JDBC driver and {@code statsig-sql sources}: the credential
 * vault, the profiles beside it, and OAuth clients built from connection properties and a profile's client
 * settings.
 */
public final class DataSources {
  private final Properties properties;
  private final Map<String, String> environment;
  private final CredentialVault vault;
  private final ProfileStore profiles;
  private final Duration timeout;
  private final HttpTransport http;

  private DataSources(Properties properties, Map<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
    this.vault = CredentialVault.fromConfiguration(properties, environment);
    this.profiles = ProfileStore.beside(vault);
    this.timeout = Duration.ofSeconds(wholeSeconds(StatsigProperty.TIMEOUT_SECONDS, properties));
    this.http = HttpTransport.withTimeouts(timeout, timeout);
  }

  /** From connection properties ({@code vaultDir}, {@code masterKey}, client settings, timeouts) and the environment. */
  public static DataSources fromConfiguration(Properties properties, Map<String, String> environment) {
    return new DataSources(properties, environment);
  }

  public CredentialVault vault() {
    return vault;
  }

  public ProfileStore profiles() {
    return profiles;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The way to the consent page: system, print or direct (null: by whether a desktop is available). */
  public UserAgent userAgent(String browser, PrintStream console) {
    return UserAgents.named(browser, http, console);
  }

  /**
   * An OAuth client with the connection properties' client settings, overridden by {@code profile}'s client id
   * and auth method when it has them ({@code profile} may be null).
   */
  public McpOAuthClient oauthClient(DataSourceProfile profile, UserAgent userAgent) {
    Properties effective = new Properties();
    effective.putAll(properties);
    if (profile != null && profile.clientId() != null) {
      effective.setProperty(OAuthSettings.CLIENT_ID, profile.clientId());
      if (profile.clientAuthMethod() != null) {
        effective.setProperty(OAuthSettings.CLIENT_AUTH_METHOD, profile.clientAuthMethod());
      }
    }
    return new McpOAuthClient(http, vault, OAuthSettings.fromProperties(effective, environment), userAgent, Clock.systemUTC());
  }

  /**
   * Signs {@code profile} in (OAuth) and saves it: tokens to the vault, the profile to the profile file. A server
   * that accepts an unauthenticated initialize is signed in through its well-known metadata all the same.
   */
  public CredentialSet signIn(DataSourceProfile profile, UserAgent userAgent) {
    if (profile.auth() != AuthKind.OAUTH) {
      throw new IllegalArgumentException("Data source '" + profile.name() + "' uses an API key; there is nothing to sign in to");
    }
    McpOAuthClient oauth = oauthClient(profile, userAgent);
    URI server = profile.address().uri();
    CredentialSet credentials = oauth.signIn(profile.name(), server, oauth.probe(server).orElse(null));
    profiles.save(profile);
    return credentials;
  }

  /**
   * The databases data source {@code profileName} attaches, with their passwords from the vault; none
   * when {@code profileName} is null. An unknown profile is left to {@link ConnectionTargets} to report.
   */
  public List<AttachedDatabase> attachments(String profileName) {
    if (profileName == null) {
      return List.of();
    }
    return profiles.find(profileName).map(profile -> profile.attach().entrySet().stream()
        .map(a -> AttachedDatabase.fromProfile(a.getKey(), a.getValue(),
            vault.loadAttachmentPassword(profileName, a.getKey()).orElse(null)))
        .toList()).orElse(List.of());
  }

  /**
   * Saves {@code profile} with the databases it attaches, and their passwords in the vault (a null
   * password removes a stored one).
   */
  public void saveAttachments(DataSourceProfile profile, Map<String, Secret> passwords) {
    vault.deleteAttachmentPasswords(profile.name());
    passwords.forEach((name, password) -> {
      if (!profile.attach().containsKey(name)) {
        throw new IllegalArgumentException("A password is given for '" + name + "', which data source '" + profile.name()
            + "' does not attach: attach it with --attach " + name + "=<JDBC URL>");
      }
      vault.storeAttachmentPassword(profile.name(), name, password);
    });
    profiles.save(profile);
  }

  /** What {@link #remove} did. */
  public record Removal(boolean profileRemoved, boolean credentialsRemoved, boolean revoked) {}

  /**
   * Revokes the source's tokens at the server where it has a revocation endpoint, then deletes the stored
   * credentials and the profile.
   */
  public Removal remove(String name) {
    boolean hadCredentials = vault.load(name).isPresent();
    boolean revoked = hadCredentials && oauthClient(profiles.find(name).orElse(null), null).signOut(name);
    boolean hadPasswords = vault.deleteAttachmentPasswords(name);
    return new Removal(profiles.remove(name), hadCredentials || hadPasswords, revoked);
  }

  /**
   * The stored credentials of {@code profile}: its API key (from the environment variable or the ENC value), or
   * its OAuth sign-in for the profile's URL from the vault, refreshed as needed. Signing in again through
   * {@code userAgent} happens for a step-up, and, when {@code interactive}, when the tokens cannot be renewed.
   */
  public RequestCredentials credentials(DataSourceProfile profile, UserAgent userAgent, boolean interactive) {
    if (profile.auth() == AuthKind.API_KEY) {
      return new ApiKeyCredentials(apiKey(profile));
    }
    McpOAuthClient oauth = oauthClient(profile, userAgent);
    URI server = profile.address().uri();
    oauth.savedSignIn(profile.name(), server);
    return new BearerTokenCredentials(oauth.tokenProvider(profile.name(), server, interactive));
  }

  private String apiKey(DataSourceProfile profile) {
    if (profile.apiKeyEnv() != null) {
      String value = environment.get(profile.apiKeyEnv());
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("Data source '" + profile.name() + "' takes its API key from the environment variable "
            + profile.apiKeyEnv() + ", which is not set: set it to the Console API key (console-...)");
      }
      return value;
    }
    return EncryptedValue.resolve("apiKey of data source '" + profile.name() + "'", profile.apiKey(), properties, environment).reveal();
  }

  private static long wholeSeconds(StatsigProperty property, Properties properties) {
    String value = property.get(properties);
    try {
      long seconds = Long.parseLong(value);
      if (seconds > 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("The property " + property.key() + " must be a positive whole number of seconds, not '" + value + "'");
  }
}
