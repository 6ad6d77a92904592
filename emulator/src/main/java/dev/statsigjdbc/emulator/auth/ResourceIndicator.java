package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import java.net.URI;
import java.util.List;

/**
 * RFC 8707 resource indicators: tokens here are only for the MCP endpoint, and clients must say
 * so on the authorization, token and refresh requests alike.
 */
final class ResourceIndicator {
  private ResourceIndicator() {
  }

  static void require(List<URI> requested, URI expected) throws OAuthRefusal {
    if (requested == null || requested.isEmpty()) {
      throw OAuthRefusal.invalidRequest("resource is required (RFC 8707): send resource=" + expected);
    }
    if (requested.size() != 1 || !requested.get(0).equals(expected)) {
      throw new OAuthRefusal(OAuth2Error.INVALID_TARGET, "resource must be " + expected);
    }
  }
}
