package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.adapter.StatsigOptions;
import java.util.Properties;

/**
 * Every connection property of the driver: name, default and documentation in one place (also
 * what {@code Driver.getPropertyInfo} reports). Properties come from the JDBC URL
 * ({@code jdbc:statsig:url=...;apiKey=...}) or the {@code Properties} passed to {@code connect}.
 */
public enum StatsigProperty {
  URL("url", "https://api.statsig.com/v1/mcp",
      "Statsig MCP server (Streamable HTTP) URL. The default is Statsig's hosted V1 endpoint; https://api.statsig.com/v3/mcp is V3 (see dialect)."),
  DIALECT("dialect", "auto",
      "Which Statsig MCP server version the tools speak: auto (found from the tools the server lists), v1 (one tool per Console API operation) or v3 (grouped *_read tools with an action, and discover_tools + api_read)."),
  PROFILE("profile", null,
      "Name of a data source created with `statsig-sql sources add <name>`: its URL and stored credentials are used."),
  API_KEY("apiKey", null,
      "Statsig Console API key (console-...), sent as the statsig-api-key header instead of OAuth. May be ENC(...)."),
  BROWSER("browser", "system",
      "How to reach the OAuth consent page when no stored credentials exist: system (open the browser), print (print the URL and wait), direct (fetch it; for auto-approving test servers)."),
  VAULT_DIR("vaultDir", null,
      "Folder of the encrypted credential vault and profiles (default ~/.statsig-jdbc)."),
  MASTER_KEY("masterKey", null,
      "Master key or passphrase of the credential vault (else STATSIG_JDBC_MASTER_KEY, else a generated key file)."),
  MASTER_PASSWORD("masterPassword", null,
      "Password that decrypts ENC(...) property values (else STATSIG_JDBC_MASTER_PASSWORD)."),
  CLIENT_ID("clientId", null,
      "Pre-registered OAuth client id (skips dynamic client registration)."),
  CLIENT_SECRET("clientSecret", null,
      "Secret of the pre-registered OAuth client. May be ENC(...)."),
  CLIENT_AUTH_METHOD("clientAuthMethod", null,
      "Token endpoint authentication of the pre-registered client: none, client_secret_post or client_secret_basic."),
  CLIENT_METADATA_URL("clientMetadataUrl", null,
      "URL of a Client ID Metadata Document to use as client id where the authorization server supports it."),
  CALLBACK_TIMEOUT_SECONDS("callbackTimeoutSeconds", "300",
      "How long to wait for the browser to come back to the loopback redirect during sign-in."),
  TIMEOUT_SECONDS("timeoutSeconds", "30",
      "Connect and per-request timeout for calls to the MCP server."),
  CACHE_TTL_SECONDS("cacheTtlSeconds", "300",
      "How long a tool result is reused by later queries of the same connection; 0 turns the cache off."),
  MAX_CONCURRENCY("maxConcurrency", "4",
      "Tool calls in flight at once per connection."),
  REQUESTS_PER_10_SECONDS("requestsPer10Seconds", "90",
      "Tool calls allowed per 10 seconds per connection (Statsig allows about 100 per project)."),
  PAGE_SIZE("pageSize", Integer.toString(StatsigOptions.DEFAULT_PAGE_SIZE),
      "Records a scan asks for per list page; a server that serves fewer is read at its size, one that refuses is asked for its default of 100 for the rest of the connection. A LIMIT asks for no more than it needs."),
  MAX_RETRIES("maxRetries", "3",
      "Retries of a tool call answered with HTTP 429 or 5xx (honouring Retry-After)."),
  RETRY_BASE_DELAY_MILLIS("retryBaseDelayMillis", "500",
      "Wait before the first retry of a failed tool call, doubled for each further retry (up to 30 s); a Retry-After from the server wins."),
  BLOCK_TOOLS("blockTools", null,
      "Extra tools to hide from SQL: comma-separated regular expressions matched case-insensitively against tool names."),
  ALLOW_TOOLS("allowTools", null,
      "Comma-separated tool names you vouch for as read-only although their names or annotations look like writes."),
  ATTACH_URL("attach.<name>.url", null,
      "JDBC URL of your own database to attach, read-only, as schema <name> next to statsig (e.g. attach.finance.url=jdbc:postgresql://db:5432/finance). Its JDBC driver jar must be on the classpath."),
  ATTACH_USER("attach.<name>.user", null,
      "User name for the database attached as <name>."),
  ATTACH_PASSWORD("attach.<name>.password", null,
      "Password for the database attached as <name>. May be ENC(...)."),
  ATTACH_SCHEMA("attach.<name>.schema", null,
      "Schema of the attached database whose tables <name> shows (default: the connection's current schema, e.g. public).");

  /** The placeholder in the keys of properties that come once per attached database. */
  public static final String NAME_PLACEHOLDER = "<name>";

  private final String key;
  private final String defaultValue;
  private final String description;

  StatsigProperty(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The key with {@link #NAME_PLACEHOLDER} replaced by {@code name}: {@code attach.finance.url}. */
  public String key(String name) {
    return key.replace(NAME_PLACEHOLDER, name);
  }

  /** The value in {@code properties}, else the default (null when there is none). */
  public String get(Properties properties) {
    String value = properties.getProperty(key);
    return value == null || value.isBlank() ? defaultValue : value.strip();
  }
}
