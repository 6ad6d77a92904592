package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /oauth/token}: the authorization_code (with PKCE) and refresh_token (with rotation)
 * grants; without refresh tokens ({@code issueRefreshTokens(false)}) only the first.
 */
final class TokenServlet extends HttpServlet {
  private final transient ClientAuthenticator authenticator;
  private final transient TokenStore store;
  private final transient Supplier<AuthUrls> urls;
  private final transient List<GrantType> grantTypes;

  TokenServlet(ClientAuthenticator authenticator, TokenStore store, Supplier<AuthUrls> urls, List<GrantType> grantTypes) {
    this.authenticator = authenticator;
    this.store = store;
    this.urls = urls;
    this.grantTypes = List.copyOf(grantTypes);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      TokenRequest tokenRequest = TokenRequest.parse(OAuthHttp.read(request));
      if (!grantTypes.contains(tokenRequest.getAuthorizationGrant().getType())) {
        throw new OAuthRefusal(OAuth2Error.UNSUPPORTED_GRANT_TYPE, "grant_type must be one of " + grantTypes
            + (grantTypes.contains(GrantType.REFRESH_TOKEN) ? "" : ": this server issues no refresh tokens, sign in again"));
      }
      RegisteredClient client = authenticator.authenticate(tokenRequest);
      URI resource = ResourceIndicator.require(tokenRequest.getResources(), urls.get().resources());
      Grant grant = grantFor(tokenRequest.getAuthorizationGrant(), client);
      if (!grant.resource().equals(resource)) {
        throw new OAuthRefusal(OAuth2Error.INVALID_TARGET, "resource must be " + grant.resource()
            + ", the one the user authorized; sign in for " + resource + " separately");
      }
      OAuthHttp.write(new AccessTokenResponse(store.issueTokens(grant)).toHTTPResponse(), response);
    } catch (ParseException e) {
      OAuthHttp.writeError(OAuthHttp.refusal(e), response);
    } catch (OAuthRefusal refusal) {
      OAuthHttp.writeError(refusal, response);
    }
  }

  /** One of the grant types this server issues, checked before. */
  private Grant grantFor(AuthorizationGrant grant, RegisteredClient client) throws OAuthRefusal {
    if (grant instanceof AuthorizationCodeGrant codeGrant) {
      return exchangeCode(codeGrant, client);
    }
    return refresh((RefreshTokenGrant) grant, client);
  }

  private Grant exchangeCode(AuthorizationCodeGrant codeGrant, RegisteredClient client) throws OAuthRefusal {
    TokenStore.IssuedCode code = store.redeemCode(codeGrant.getAuthorizationCode().getValue());
    if (!code.grant().clientId().equals(client.clientId())) {
      throw OAuthRefusal.invalidGrant("the authorization code was issued to another client");
    }
    if (!code.redirectUri().equals(codeGrant.getRedirectionURI())) {
      throw OAuthRefusal.invalidGrant("redirect_uri must be the one sent in the authorization request");
    }
    if (codeGrant.getCodeVerifier() == null) {
      throw OAuthRefusal.invalidRequest("code_verifier is required (PKCE)");
    }
    CodeChallenge computed = CodeChallenge.compute(CodeChallengeMethod.S256, codeGrant.getCodeVerifier());
    if (!computed.equals(code.challenge())) {
      throw OAuthRefusal.invalidGrant("code_verifier does not match the code_challenge of the authorization request");
    }
    return code.grant();
  }

  private Grant refresh(RefreshTokenGrant refreshGrant, RegisteredClient client) throws OAuthRefusal {
    Grant grant = store.redeemRefreshToken(refreshGrant.getRefreshToken().getValue());
    if (!grant.clientId().equals(client.clientId())) {
      throw OAuthRefusal.invalidGrant("the refresh token was issued to another client");
    }
    return grant;
  }
}
