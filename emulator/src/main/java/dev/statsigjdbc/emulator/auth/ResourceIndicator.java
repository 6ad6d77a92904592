package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import java.net.URI;
import java.util.List;

/**
 * RFC 8707 resource indicators: a token is for one MCP endpoint ({@code /v1/mcp} or
 * {@code /v3/mcp}), and clients must name it on the authorization, token and refresh requests alike.
 */
final class ResourceIndicator {
  private ResourceIndicator() {
  }

  /** Returns the one resource requested, which must be one of {@code served}. */
  static URI require(List<URI> requested, List<URI> served) throws OAuthRefusal {
    if (requested == null || requested.isEmpty()) {
      throw OAuthRefusal.invalidRequest("resource is required (RFC 8707): send resource=" + served.get(0));
    }
    if (requested.size() != 1 || !served.contains(requested.get(0))) {
      throw new OAuthRefusal(OAuth2Error.INVALID_TARGET, "resource must be one of " + served);
    }
    return requested.get(0);
  }
}
