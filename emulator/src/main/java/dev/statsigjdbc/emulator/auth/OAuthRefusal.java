package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;

/**
 * A request this server refuses, with the OAuth error to answer. The description says what to do
 * and never holds a token, code or secret.
 */
final class OAuthRefusal extends Exception {
  private final transient ErrorObject error;

  OAuthRefusal(ErrorObject error, String description) {
    super(error.getCode() + ": " + description);
    this.error = error.setDescription(description);
  }

  static OAuthRefusal invalidGrant(String description) {
    return new OAuthRefusal(OAuth2Error.INVALID_GRANT, description);
  }

  static OAuthRefusal invalidRequest(String description) {
    return new OAuthRefusal(OAuth2Error.INVALID_REQUEST, description);
  }

  static OAuthRefusal invalidClient(String description) {
    return new OAuthRefusal(OAuth2Error.INVALID_CLIENT, description);
  }

  ErrorObject error() {
    return error;
  }
}
