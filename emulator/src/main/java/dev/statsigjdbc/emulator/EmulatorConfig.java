package dev.statsigjdbc.emulator;

import dev.statsigjdbc.emulator.api.ApiQuirks;
import dev.statsigjdbc.emulator.api.PageLimits;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an emulator instance can be told at start. Defaults give the demo: port chosen by
 * the OS, demo data, OAuth with a consent page, no faults, no rate limit.
 */
public final class EmulatorConfig {
  int port = 0;
  DatasetProfile dataset = DatasetProfile.DEMO;
  long seed = 42L;
  LocalDate today = LocalDate.now();
  ApiQuirks quirks = ApiQuirks.specExamples();
  boolean autoApprove = false;
  Duration accessTokenTtl = Duration.ofHours(1);
  Duration refreshTokenTtl = Duration.ofDays(30);
  List<String> oauthScopes = List.of("read", "write");
  Clock clock = Clock.systemUTC();
  boolean requireAuth = true;
  boolean extraTools = false;
  boolean renamedTools = false;
  boolean rateLimit = false;
  int rateLimitRequests = 100;
  Duration rateLimitWindow = Duration.ofSeconds(10);
  final Map<String, Boolean> apiKeys = new LinkedHashMap<>();
  long latencyMillis = 0;
  // MCP V3 (/v3/mcp) and the OAuth refresh-token grant: every point ../shared/statsig/V3.md marks [I].
  boolean v3ExpandedTools = false;
  V3ActionNames v3ActionNames = V3ActionNames.DEFAULT;
  boolean v3StructuredContent = false;
  boolean v3HideWritesFromReadOnlyKeys = false;
  Duration v3HandleTtl = Duration.ofSeconds(300);
  boolean issueRefreshTokens = true;

  /** Which strings V3's grouped reads use for their {@code action} values (the real ones are not public). */
  public enum V3ActionNames {
    /** {@code list}, {@code get}, {@code pulse_results}, ... */
    DEFAULT,
    /** Another plausible vocabulary for the same meanings: {@code list_experiments}, {@code get_experiment_by_id}, ... */
    ALTERNATE,
    /** Opaque strings ({@code op_7f3a}) whose meaning is only in the description, listed in another order. */
    SHUFFLED
  }
  PageLimits pageLimits = PageLimits.defaults();

  public static EmulatorConfig defaults() {
    return new EmulatorConfig();
  }

  /** TCP port on 127.0.0.1; 0 lets the OS choose (read it back from {@link EmulatorServer#port()}). */
  public EmulatorConfig port(int port) {
    this.port = port;
    return this;
  }

  public EmulatorConfig dataset(DatasetProfile dataset) {
    this.dataset = dataset;
    return this;
  }

  /** Seed of the data generator: the same seed and day give the same data. */
  public EmulatorConfig seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** The day the data is generated relative to ("decided this quarter", "last 180 days"). */
  public EmulatorConfig today(LocalDate today) {
    this.today = today;
    return this;
  }

  public EmulatorConfig quirks(ApiQuirks quirks) {
    this.quirks = quirks;
    return this;
  }

  /** Skip the consent page: {@code /authorize} redirects at once with a code (tests, CI). */
  public EmulatorConfig autoApprove(boolean autoApprove) {
    this.autoApprove = autoApprove;
    return this;
  }

  public EmulatorConfig accessTokenTtl(Duration ttl) {
    this.accessTokenTtl = ttl;
    return this;
  }

  /** Lifetime of OAuth refresh tokens; each refresh rotates the token and restarts this lifetime. */
  public EmulatorConfig refreshTokenTtl(Duration ttl) {
    this.refreshTokenTtl = ttl;
    return this;
  }

  /**
   * OAuth scopes the server offers. A token may write only when {@code write} is granted (or when
   * no scopes are configured at all); without a requested scope a client gets {@code read}.
   */
  public EmulatorConfig oauthScopes(List<String> scopes) {
    this.oauthScopes = List.copyOf(scopes);
    return this;
  }

  /** The clock token and code lifetimes are measured against (tests move it instead of sleeping). */
  public EmulatorConfig clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** When false, {@code /v1/mcp} answers without credentials (a read-write anonymous caller). */
  public EmulatorConfig requireAuth(boolean requireAuth) {
    this.requireAuth = requireAuth;
    return this;
  }

  /**
   * Also publish tools the hosted server is not known to expose (exposure counts, all metric
   * values of a day, gate rules). Off by default so that nothing downstream depends on them.
   */
  public EmulatorConfig extraTools(boolean extraTools) {
    this.extraTools = extraTools;
    return this;
  }

  /** Publish the renamed variants of drifting tool names (e.g. {@code Get_Experiment_Results}). */
  public EmulatorConfig renamedTools(boolean renamedTools) {
    this.renamedTools = renamedTools;
    return this;
  }

  /** Per-project token bucket like Statsig's: {@code requests} per {@code window}, then 429. */
  public EmulatorConfig rateLimit(int requests, Duration window) {
    this.rateLimit = true;
    this.rateLimitRequests = requests;
    this.rateLimitWindow = window;
    return this;
  }

  /** Accept {@code statsig-api-key: <key>}; {@code canWrite} false makes it a read-only console key. */
  public EmulatorConfig apiKey(String key, boolean canWrite) {
    this.apiKeys.put(key, canWrite);
    return this;
  }

  /** Delay added to every MCP request from the start (benchmarks use 20 ms); changeable later through the faults. */
  public EmulatorConfig latencyMillis(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** Also publish V3's "expanded tool exposure" tools ({@code autotune_create}, more grouped reads). */
  public EmulatorConfig v3ExpandedTools(boolean expanded) {
    this.v3ExpandedTools = expanded;
    return this;
  }

  /** The {@code action} strings V3's grouped reads publish. */
  public EmulatorConfig v3ActionNames(V3ActionNames names) {
    this.v3ActionNames = names;
    return this;
  }

  /** V3 results carry the JSON as {@code structuredContent}, and their text item is a short sentence, not JSON. */
  public EmulatorConfig v3StructuredContent(boolean structured) {
    this.v3StructuredContent = structured;
    return this;
  }

  /** Read-only callers do not see V3's write tools (otherwise they see them and get 403 when calling). */
  public EmulatorConfig v3HideWritesFromReadOnlyKeys(boolean hide) {
    this.v3HideWritesFromReadOnlyKeys = hide;
    return this;
  }

  /** How long a {@code discover_tools} operation handle stays valid. */
  public EmulatorConfig v3HandleTtl(Duration ttl) {
    this.v3HandleTtl = ttl;
    return this;
  }

  /**
   * When false, the token endpoint issues no refresh token and the metadata advertises no
   * {@code refresh_token} grant (what a probe of Statsig's authorization server saw).
   */
  public EmulatorConfig issueRefreshTokens(boolean issue) {
    this.issueRefreshTokens = issue;
    return this;
  }

  /** The largest list page served, and whether a larger {@code limit} is capped to it or refused (default: 1000, refused). */
  public EmulatorConfig pageLimits(PageLimits pageLimits) {
    this.pageLimits = Objects.requireNonNull(pageLimits, "pageLimits");
    return this;
  }

  public int port() { return port; }
  public DatasetProfile dataset() { return dataset; }
  public long seed() { return seed; }
  public LocalDate today() { return today; }
  public ApiQuirks quirks() { return quirks; }
  public boolean autoApprove() { return autoApprove; }
  public Duration accessTokenTtl() { return accessTokenTtl; }
  public Duration refreshTokenTtl() { return refreshTokenTtl; }
  public List<String> oauthScopes() { return oauthScopes; }
  public Clock clock() { return clock; }
  public boolean requireAuth() { return requireAuth; }
  public boolean extraTools() { return extraTools; }
  public boolean renamedTools() { return renamedTools; }
  public boolean rateLimit() { return rateLimit; }
  public int rateLimitRequests() { return rateLimitRequests; }
  public Duration rateLimitWindow() { return rateLimitWindow; }
  /** API keys and whether each may write. */
  public Map<String, Boolean> apiKeys() { return Map.copyOf(apiKeys); }
  public long latencyMillis() { return latencyMillis; }
  public boolean v3ExpandedTools() { return v3ExpandedTools; }
  public V3ActionNames v3ActionNames() { return v3ActionNames; }
  public boolean v3StructuredContent() { return v3StructuredContent; }
  public boolean v3HideWritesFromReadOnlyKeys() { return v3HideWritesFromReadOnlyKeys; }
  public Duration v3HandleTtl() { return v3HandleTtl; }
  public boolean issueRefreshTokens() { return issueRefreshTokens; }
  public PageLimits pageLimits() { return pageLimits; }
}
