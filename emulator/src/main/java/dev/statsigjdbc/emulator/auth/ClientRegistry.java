package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.RegistrationError;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Clients registered through Dynamic Client Registration (RFC 7591), kept in memory. */
final class ClientRegistry {
  /** The client authentication methods this server implements, in the order it advertises them. */
  static final List<ClientAuthenticationMethod> AUTH_METHODS = List.of(
      ClientAuthenticationMethod.NONE,
      ClientAuthenticationMethod.CLIENT_SECRET_POST,
      ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
  static final List<GrantType> GRANT_TYPES = List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);

  private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
  private final Clock clock;

  ClientRegistry(Clock clock) {
    this.clock = clock;
  }

  /**
   * Validates and registers a client; the returned information holds the client secret (in clear,
   * for the registration response only) when the client authenticates with one.
   */
  ClientInformation register(ClientMetadata requested) throws OAuthRefusal {
    ClientMetadata metadata = new ClientMetadata(requested);
    metadata.applyDefaults();
    validate(metadata);
    ClientAuthenticationMethod method = metadata.getTokenEndpointAuthMethod();
    Secret secret = ClientAuthenticationMethod.NONE.equals(method) ? null : new Secret(Secrets.newValue());
    ClientID id = new ClientID("client-" + Secrets.newValue().substring(0, 22));
    clients.put(id.getValue(), new RegisteredClient(
        id.getValue(), metadata.getName(), Set.copyOf(metadata.getRedirectionURIs()), method,
        secret == null ? null : Secrets.hash(secret.getValue())));
    return new ClientInformation(id, Date.from(clock.instant()), metadata, secret);
  }

  int size() {
    return clients.size();
  }

  Optional<RegisteredClient> find(ClientID id) {
    return id == null ? Optional.empty() : Optional.ofNullable(clients.get(id.getValue()));
  }

  private static void validate(ClientMetadata metadata) throws OAuthRefusal {
    Set<URI> redirects = metadata.getRedirectionURIs();
    if (redirects == null || redirects.isEmpty()) {
      throw refused(RegistrationError.INVALID_REDIRECT_URI, "redirect_uris is required: register the URI your client listens on");
    }
    for (URI uri : redirects) {
      String problem = RedirectUris.problem(uri);
      if (problem != null) {
        throw refused(RegistrationError.INVALID_REDIRECT_URI, problem + " (got " + uri + ")");
      }
    }
    if (!AUTH_METHODS.contains(metadata.getTokenEndpointAuthMethod())) {
      throw refused(RegistrationError.INVALID_CLIENT_METADATA,
          "token_endpoint_auth_method must be one of none, client_secret_post, client_secret_basic");
    }
    if (!GRANT_TYPES.containsAll(metadata.getGrantTypes())) {
      throw refused(RegistrationError.INVALID_CLIENT_METADATA,
          "grant_types may contain only authorization_code and refresh_token");
    }
    if (!Set.of(ResponseType.CODE).containsAll(metadata.getResponseTypes())) {
      throw refused(RegistrationError.INVALID_CLIENT_METADATA, "response_types may contain only code");
    }
  }

  private static OAuthRefusal refused(ErrorObject error, String description) {
    return new OAuthRefusal(error, description);
  }
}
