package dev.statsigjdbc.driver.mcp;

import java.net.http.HttpRequest;

/** Statsig's static Console API key, sent as the {@code statsig-api-key} header. */
public final class ApiKeyCredentials implements RequestCredentials {
  static final String HEADER = "statsig-api-key";

  private final String apiKey;

  public ApiKeyCredentials(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("The Statsig API key is empty: pass a Console API key (console-...)");
    }
    this.apiKey = apiKey.strip();
  }

  @Override
  public void apply(HttpRequest.Builder request) {
    request.setHeader(HEADER, apiKey);
  }

  /** A static key cannot be refreshed: a rejection is final. */
  @Override
  public boolean refreshAfterRejection(int status, String wwwAuthenticate) {
    return false;
  }

  @Override
  public String kind() {
    return "API key";
  }

  @Override
  public String toString() {
    return "ApiKeyCredentials[****]";
  }

}
