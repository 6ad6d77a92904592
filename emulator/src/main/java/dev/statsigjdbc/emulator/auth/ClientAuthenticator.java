package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.AbstractOptionallyIdentifiedRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.id.ClientID;

/** Checks that a token or revocation request comes from a registered client, by its registered method. */
final class ClientAuthenticator {
  private final ClientRegistry registry;

  ClientAuthenticator(ClientRegistry registry) {
    this.registry = registry;
  }

  RegisteredClient authenticate(AbstractOptionallyIdentifiedRequest request) throws OAuthRefusal {
    ClientAuthentication auth = request.getClientAuthentication();
    ClientID id = auth != null ? auth.getClientID() : request.getClientID();
    if (id == null) {
      throw OAuthRefusal.invalidClient("client_id is missing: send the client_id you got from registration");
    }
    RegisteredClient client = registry.find(id).orElseThrow(() -> OAuthRefusal.invalidClient(
        "client_id " + id + " is not registered here: register the client again (the emulator forgets clients on restart)"));
    if (client.isPublic()) {
      if (auth != null) {
        throw OAuthRefusal.invalidClient("this client was registered as public (token_endpoint_auth_method none): send client_id without a secret");
      }
      return client;
    }
    if (auth == null || !auth.getMethod().equals(client.authMethod())) {
      throw OAuthRefusal.invalidClient("this client must authenticate with " + client.authMethod() + ", as it registered");
    }
    String secret = ((PlainClientSecret) auth).getClientSecret().getValue();
    if (!Secrets.matches(secret, client.secretHash())) {
      throw OAuthRefusal.invalidClient("client authentication failed: wrong client secret");
    }
    return client;
  }
}
