package dev.statsigjdbc.driver.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.statsigjdbc.driver.mcp.McpServerAddress;
import dev.statsigjdbc.driver.vault.EncryptedValue;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A named data source: which MCP server, and how to authenticate to it. Holds no clear secret: OAuth tokens live
 * in the credential vault, an API key is named by environment variable or stored as an {@code ENC(...)} value.
 *
 * @param apiKeyEnv        for {@link AuthKind#API_KEY}: the environment variable holding the key
 * @param apiKey           for {@link AuthKind#API_KEY}: the key as an {@code ENC(v1:...)} value
 * @param clientId         optional pre-registered OAuth client id
 * @param clientAuthMethod optional token endpoint authentication of that client
 * @param attach           databases attached next to {@code statsig} when connecting with this profile, by schema
 *                         name (their passwords are in the vault)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSourceProfile(
    String name, String url, AuthKind auth, String apiKeyEnv, String apiKey, String clientId, String clientAuthMethod,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Attachment> attach) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public DataSourceProfile {
    requireValidName(name);
    attach = attach == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attach));
    attach.keySet().forEach(Attachment::schemaName);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Data source '" + name + "' has no URL: pass --url with the MCP server URL");
    }
    url = McpServerAddress.parse(url).toString();
    if (auth == null) {
      throw new IllegalArgumentException("Data source '" + name + "' has no auth kind: use oauth or api-key");
    }
    if (auth == AuthKind.API_KEY && (apiKeyEnv == null) == (apiKey == null)) {
      throw new IllegalArgumentException("Data source '" + name
          + "' uses an API key: give either the name of the environment variable that holds it or an ENC(...) value, exactly one");
    }
    if (auth == AuthKind.OAUTH && (apiKeyEnv != null || apiKey != null)) {
      throw new IllegalArgumentException("Data source '" + name + "' uses OAuth and cannot also name an API key");
    }
    if (apiKey != null && !EncryptedValue.isEncrypted(apiKey)) {
      throw new IllegalArgumentException("Data source '" + name + "' would store an API key in clear: encrypt it with"
          + " `statsig-sql encrypt` and store the ENC(...) value, or name an environment variable instead");
    }
  }

  /** A profile without attached databases. */
  public DataSourceProfile(
      String name, String url, AuthKind auth, String apiKeyEnv, String apiKey, String clientId, String clientAuthMethod) {
    this(name, url, auth, apiKeyEnv, apiKey, clientId, clientAuthMethod, Map.of());
  }

  /** This profile attaching {@code databases} instead of its own. */
  public DataSourceProfile withAttachments(Map<String, Attachment> databases) {
    return new DataSourceProfile(name, url, auth, apiKeyEnv, apiKey, clientId, clientAuthMethod, databases);
  }

  public static DataSourceProfile oauth(String name, String url, String clientId, String clientAuthMethod) {
    return new DataSourceProfile(name, url, AuthKind.OAUTH, null, null, clientId, clientAuthMethod);
  }

  public static DataSourceProfile apiKeyFromEnvironment(String name, String url, String variable) {
    return new DataSourceProfile(name, url, AuthKind.API_KEY, variable, null, null, null);
  }

  public McpServerAddress address() {
    return McpServerAddress.parse(url);
  }

  /** Names are used on command lines and in the vault: letters, digits, '.', '_' and '-'. */
  public static void requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("'" + name + "' is not a valid data source name: use up to 64 letters, digits, '.', '_' or '-',"
          + " starting with a letter or digit");
    }
  }
}
