package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.auth.BearerChallenge;
import dev.statsigjdbc.driver.auth.TokenProvider;
import dev.statsigjdbc.driver.mcp.RequestCredentials;
import java.net.http.HttpRequest;

/** OAuth access tokens from a {@link TokenProvider}, sent as {@code Authorization: Bearer} on every request. */
public final class BearerTokenCredentials implements RequestCredentials {
  private final TokenProvider tokens;

  public BearerTokenCredentials(TokenProvider tokens) {
    this.tokens = tokens;
  }

  @Override
  public void apply(HttpRequest.Builder request) {
    request.setHeader("Authorization", "Bearer " + tokens.currentAccessToken());
  }

  /** A 401 means refresh; a 403 only helps when the server asks for more scope (step-up). */
  @Override
  public boolean refreshAfterRejection(int status, String wwwAuthenticate) {
    if (status == 403 && !BearerChallenge.parse(wwwAuthenticate)
        .map(c -> BearerChallenge.INSUFFICIENT_SCOPE.equals(c.error())).orElse(false)) {
      return false;
    }
    return tokens.onUnauthorized(wwwAuthenticate);
  }

  @Override
  public String kind() {
    return "OAuth";
  }

  @Override
  public String toString() {
    return "BearerTokenCredentials[****]";
  }
}
