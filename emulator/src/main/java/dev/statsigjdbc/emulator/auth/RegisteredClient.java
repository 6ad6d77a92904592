package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import java.net.URI;
import java.util.Set;

/**
 * A client registered through DCR.
 *
 * @param secretHash SHA-256 of the client secret, null for a public client
 */
record RegisteredClient(
    String clientId, String name, Set<URI> redirectUris, ClientAuthenticationMethod authMethod, String secretHash) {

  boolean isPublic() {
    return ClientAuthenticationMethod.NONE.equals(authMethod);
  }

  /** A name for people: the registered client_name, else the client id. */
  String displayName() {
    return name == null || name.isBlank() ? clientId : name;
  }

  @Override
  public String toString() {
    return "RegisteredClient[" + clientId + ", " + authMethod + "]";
  }
}
