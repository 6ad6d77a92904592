package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code POST /oauth/revoke}: RFC 7009 revocation of access and refresh tokens. */
final class RevocationServlet extends HttpServlet {
  private final transient ClientAuthenticator authenticator;
  private final transient TokenStore store;

  RevocationServlet(ClientAuthenticator authenticator, TokenStore store) {
    this.authenticator = authenticator;
    this.store = store;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      TokenRevocationRequest revocation = TokenRevocationRequest.parse(OAuthHttp.read(request));
      RegisteredClient client = authenticator.authenticate(revocation);
      store.revoke(revocation.getToken().getValue(), client.clientId());
      response.setStatus(HttpServletResponse.SC_OK);
    } catch (ParseException e) {
      OAuthHttp.writeError(OAuthHttp.refusal(e), response);
    } catch (OAuthRefusal refusal) {
      OAuthHttp.writeError(refusal, response);
    }
  }
}
