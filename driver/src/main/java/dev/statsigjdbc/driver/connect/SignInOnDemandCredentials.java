package dev.statsigjdbc.driver.connect;

import dev.statsigjdbc.driver.mcp.RequestCredentials;
import java.net.http.HttpRequest;
import java.util.function.Function;

/**
 * For a server that lets a client start a session without credentials and asks for them later (a 401 or 403
 * on a later request): sends nothing until the first rejection, then signs in with that challenge and from
 * then on behaves as the credentials the sign-in produced.
 */
final class SignInOnDemandCredentials implements RequestCredentials {
  private final Function<String, RequestCredentials> signIn;
  private volatile RequestCredentials signedIn;

  /** @param signIn signs in given the rejection's {@code WWW-Authenticate} header and returns the new credentials */
  SignInOnDemandCredentials(Function<String, RequestCredentials> signIn) {
    this.signIn = signIn;
  }

  @Override
  public void apply(HttpRequest.Builder request) {
    RequestCredentials current = signedIn;
    if (current != null) {
      current.apply(request);
    }
  }

  @Override
  public synchronized boolean refreshAfterRejection(int status, String wwwAuthenticate) {
    if (signedIn == null) {
      signedIn = signIn.apply(wwwAuthenticate);
      return true;
    }
    return signedIn.refreshAfterRejection(status, wwwAuthenticate);
  }

  @Override
  public String kind() {
    return signedIn == null ? "no credentials" : signedIn.kind();
  }
}
