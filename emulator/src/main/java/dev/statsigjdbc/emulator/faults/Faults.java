package dev.statsigjdbc.emulator.faults;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulator's fault switches, set by tests in-process or through {@code /admin/faults}, and
 * consumed by {@link FaultFilter} (HTTP-level faults) and the tool handler (tool-level faults).
 * Counted faults ("the next N requests") are used up as requests arrive. Every fault injected is
 * counted in {@link #injected()}, so tests check faults by counts, not by timing.
 */
public final class Faults {
  private final Runnable accessTokenExpirer;

  private long latencyMillis;
  private int tooManyRequests;
  private Integer retryAfterSeconds;
  private int serverErrors;
  private int serverErrorStatus = 500;
  private double serverErrorRate;
  private int serverErrorRateStatus = 500;
  private Random serverErrorRandom = new Random(0);
  private int dropConnections;
  private final Set<String> liveSessions = new HashSet<>();
  private final Set<String> expiredSessions = new HashSet<>();
  private int toolCallsUntilTokenExpiry = -1;
  private final Map<String, Integer> malformedJson = new HashMap<>();
  private final Map<String, Map.Entry<String, Integer>> missingField = new HashMap<>();
  private final Map<String, Integer> invalidUtf8 = new HashMap<>();
  private final Map<String, Long> injected = new TreeMap<>();

  /** @param accessTokenExpirer makes every issued access token expire (the auth module's) */
  public Faults(Runnable accessTokenExpirer) {
    this.accessTokenExpirer = accessTokenExpirer;
  }

  /** Current switches, for {@code GET /admin/faults}. */
  public record Settings(
      long latencyMillis,
      int tooManyRequests,
      Integer retryAfterSeconds,
      int serverErrors,
      int serverErrorStatus,
      double serverErrorRate,
      int serverErrorRateStatus,
      int dropConnections,
      int expiredSessions,
      int toolCallsUntilTokenExpiry,
      Map<String, Integer> malformedJson) {}

  public synchronized Settings settings() {
    return new Settings(latencyMillis, tooManyRequests, retryAfterSeconds, serverErrors, serverErrorStatus,
        serverErrorRate, serverErrorRateStatus, dropConnections, expiredSessions.size(),
        toolCallsUntilTokenExpiry, Map.copyOf(malformedJson));
  }

  /** Delay added to every MCP request (benchmarks use 20 ms to stand in for the network). */
  public synchronized Faults latencyMillis(long millis) {
    this.latencyMillis = requireNonNegative(millis, "latency");
    return this;
  }

  /** The next {@code count} MCP requests get 429; {@code retryAfterSeconds} null sends no Retry-After. */
  public synchronized Faults tooManyRequests(int count, Integer retryAfterSeconds) {
    this.tooManyRequests = requireNonNegative(count, "429 count");
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /** The next {@code count} MCP requests get {@code status} (500, 502 or 503). */
  public synchronized Faults serverErrors(int count, int status) {
    this.serverErrors = requireNonNegative(count, "5xx count");
    this.serverErrorStatus = requireServerError(status);
    return this;
  }

  /** Each MCP request fails with {@code status} with this probability, drawn from a Random seeded by {@code seed}. */
  public synchronized Faults serverErrorRate(double probability, int status, long seed) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("5xx probability must be within 0..1, got " + probability);
    }
    this.serverErrorRate = probability;
    this.serverErrorRateStatus = requireServerError(status);
    this.serverErrorRandom = new Random(seed);
    return this;
  }

  /** The next {@code count} MCP requests get their headers and part of a body, then the socket closes. */
  public synchronized Faults dropConnections(int count) {
    this.dropConnections = requireNonNegative(count, "dropped connection count");
    return this;
  }

  /** Every MCP session seen so far answers 404 from now on: clients must start a new session. */
  public synchronized Faults expireSessions() {
    expiredSessions.addAll(liveSessions);
    liveSessions.clear();
    return this;
  }

  /** Access tokens expire now. */
  public Faults expireAccessTokens() {
    count("accessTokensExpired");
    accessTokenExpirer.run();
    return this;
  }

  /** Access tokens expire right after the next {@code toolCalls} tool calls ("mid-query"). */
  public synchronized Faults expireAccessTokensAfter(int toolCalls) {
    this.toolCallsUntilTokenExpiry = requireNonNegative(toolCalls, "tool call count");
    return this;
  }

  /** The next {@code count} results of {@code tool} carry broken JSON text. */
  public synchronized Faults malformedJson(String tool, int count) {
    malformedJson.put(tool, requireNonNegative(count, "malformed result count"));
    return this;
  }

  /**
   * The next {@code count} results of {@code tool} lack {@code field}: the body's own member when it
   * has one ({@code data}: no records at all), else that field of every record in {@code data}.
   */
  public synchronized Faults missingField(String tool, String field, int count) {
    missingField.put(tool, Map.entry(field, requireNonNegative(count, "missing field count")));
    return this;
  }

  /** The next {@code count} results of {@code tool} carry bytes that are not UTF-8 in their first record's text. */
  public synchronized Faults invalidUtf8(String tool, int count) {
    invalidUtf8.put(tool, requireNonNegative(count, "invalid UTF-8 count"));
    return this;
  }

  /** Turns every fault off (sessions already expired stay expired) and clears the counters. */
  public synchronized Faults reset() {
    latencyMillis = 0;
    tooManyRequests = 0;
    retryAfterSeconds = null;
    serverErrors = 0;
    serverErrorRate = 0;
    dropConnections = 0;
    toolCallsUntilTokenExpiry = -1;
    malformedJson.clear();
    missingField.clear();
    invalidUtf8.clear();
    injected.clear();
    return this;
  }

  /** How many faults of each kind were injected since the last reset. */
  public synchronized Map<String, Long> injected() {
    return Map.copyOf(injected);
  }

  public synchronized long injected(String kind) {
    return injected.getOrDefault(kind, 0L);
  }

  // ---- consumed by the filter and the tool handler ----

  synchronized long latencyToInject() {
    if (latencyMillis > 0) {
      count("latency");
    }
    return latencyMillis;
  }

  /** Records a session id the client uses; answers whether that session has been expired. */
  synchronized boolean sessionExpired(String sessionId) {
    if (expiredSessions.contains(sessionId)) {
      count("expiredSession");
      return true;
    }
    liveSessions.add(sessionId);
    return false;
  }

  /** The fault for the next MCP request, or null to serve it. */
  synchronized HttpFault nextHttpFault() {
    if (tooManyRequests > 0) {
      tooManyRequests--;
      count("tooManyRequests");
      return new HttpFault.TooManyRequests(retryAfterSeconds);
    }
    if (serverErrors > 0) {
      serverErrors--;
      count("serverError");
      return new HttpFault.ServerError(serverErrorStatus);
    }
    if (serverErrorRate > 0 && serverErrorRandom.nextDouble() < serverErrorRate) {
      count("serverError");
      return new HttpFault.ServerError(serverErrorRateStatus);
    }
    if (dropConnections > 0) {
      dropConnections--;
      count("dropConnection");
      return new HttpFault.DropConnection();
    }
    return null;
  }

  /** Whether this result of {@code tool} is to be broken. */
  public synchronized boolean takeMalformedJson(String tool) {
    int left = malformedJson.getOrDefault(tool, 0);
    if (left == 0) {
      return false;
    }
    malformedJson.put(tool, left - 1);
    count("malformedJson");
    return true;
  }

  /** The field this result of {@code tool} is to lack, or null. */
  public synchronized String takeMissingField(String tool) {
    Map.Entry<String, Integer> left = missingField.get(tool);
    if (left == null || left.getValue() == 0) {
      return null;
    }
    missingField.put(tool, Map.entry(left.getKey(), left.getValue() - 1));
    count("missingField");
    return left.getKey();
  }

  /** Whether this result of {@code tool} is to carry bytes that are not UTF-8. */
  public synchronized boolean takeInvalidUtf8(String tool) {
    int left = invalidUtf8.getOrDefault(tool, 0);
    if (left == 0) {
      return false;
    }
    invalidUtf8.put(tool, left - 1);
    count("invalidUtf8");
    return true;
  }

  /** Whether a result with bytes that are not UTF-8 may be on its way (the filter then watches responses). */
  synchronized boolean invalidUtf8Armed() {
    return invalidUtf8.values().stream().anyMatch(n -> n > 0);
  }

  /** Called after each served tool call: expires the access tokens when the countdown ends. */
  public void afterToolCall() {
    boolean expireNow;
    synchronized (this) {
      expireNow = toolCallsUntilTokenExpiry > 0 && --toolCallsUntilTokenExpiry == 0;
      if (expireNow) {
        toolCallsUntilTokenExpiry = -1;
      }
    }
    if (expireNow) {
      expireAccessTokens();
    }
  }

  synchronized void count(String kind) {
    injected.merge(kind, 1L, Long::sum);
  }

  private static <N extends Number> N requireNonNegative(N value, String what) {
    if (value.doubleValue() < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
    return value;
  }

  private static int requireServerError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("server error status must be 5xx (500, 502, 503), got " + status);
    }
    return status;
  }
}
