package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.statsigjdbc.driver.vault.ClientRegistration;
import dev.statsigjdbc.driver.vault.CredentialVault;
import dev.statsigjdbc.driver.vault.Secret;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which client identity to use with an authorization server, in this order: a pre-registered client id;
 * a Client ID Metadata Document URL where the server supports it; a dynamically registered client cached in the
 * vault per issuer (if registered for the same redirect URI); a new dynamic registration (RFC 7591) as a public
 * client, which is then cached.
 */
final class ClientRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistrar.class);
    private static final String CIMD_SUPPORTED = "client_id_metadata_document_supported";

    private final HttpTransport http;
    private final CredentialVault vault;
    private final OAuthSettings settings;

    ClientRegistrar(HttpTransport http, CredentialVault vault, OAuthSettings settings) {
        this.http = http;
        this.vault = vault;
        this.settings = settings;
    }

    /** The loopback port a cached registration was made for (0: any), so that it can be reused. */
    int preferredPort(AuthorizationServerMetadata metadata) {
        return cached(metadata).map(ClientRegistration::redirectUri).map(URI::getPort).filter(p -> p > 0).orElse(0);
    }

    ClientRegistration obtain(AuthorizationServerMetadata metadata, URI redirectUri) {
        if (settings.clientId() != null) {
            return new ClientRegistration(settings.clientId(), settings.clientSecret(), settings.clientAuthMethod(), null);
        }
        if (settings.clientMetadataDocument() != null && Boolean.TRUE.equals(metadata.getCustomParameter(CIMD_SUPPORTED))) {
            return new ClientRegistration(settings.clientMetadataDocument().toString(), null, ClientRegistration.NONE, null);
        }
        String issuer = issuer(metadata);
        Optional<ClientRegistration> cached = vault.loadClient(issuer).filter(c -> redirectUri.equals(c.redirectUri()));
        if (cached.isPresent()) {
            LOG.debug("Reusing the client registered with {}", issuer);
            return cached.get();
        }
        ClientRegistration registered = register(metadata, redirectUri);
        vault.storeClient(issuer, registered);
        return registered;
    }

    /** The dynamically registered client cached for this server, if any and if no client id is configured. */
    Optional<ClientRegistration> cached(AuthorizationServerMetadata metadata) {
        return settings.clientId() != null ? Optional.empty() : vault.loadClient(issuer(metadata));
    }

    /** Forgets {@code client} if it is still the registration cached for this server; returns whether it was. */
    boolean forgetIfCached(AuthorizationServerMetadata metadata, ClientRegistration client) {
        return vault.deleteClient(issuer(metadata), client);
    }

    private ClientRegistration register(AuthorizationServerMetadata metadata, URI redirectUri) {
        URI endpoint = metadata.getRegistrationEndpointURI();
        if (endpoint == null) {
            throw new OAuthException("The authorization server " + issuer(metadata) + " offers no dynamic client registration; "
                    + "register a client there and set clientId (and clientSecret if it has one)");
        }
        ClientMetadata client = new ClientMetadata();
        client.setName(settings.clientName());
        client.setRedirectionURI(redirectUri);
        client.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        client.setResponseTypes(Set.of(ResponseType.CODE));
        client.setTokenEndpointAuthMethod(ClientAuthenticationMethod.NONE);
        HTTPResponse response = http.send(new ClientRegistrationRequest(endpoint, client, null).toHTTPRequest(), "client registration endpoint");
        int status = response.getStatusCode();
        ClientRegistrationResponse parsed;
        try {
            parsed = ClientRegistrationResponse.parse(response);
        } catch (ParseException e) {
            throw new OAuthException("The client registration endpoint " + endpoint + (status / 100 == 2
                    ? " answered with a malformed registration (" + e.getMessage() + ")" : " answered HTTP " + status) + "; " + whatToDo(status));
        }
        if (!parsed.indicatesSuccess()) {
            ClientRegistrationErrorResponse error = parsed.toErrorResponse();
            String code = error.getErrorObject() == null ? null : error.getErrorObject().getCode();
            throw new OAuthException("The client registration endpoint " + endpoint + " refused to register this client (HTTP " + status
                    + (code == null ? "" : ", error " + code) + "); " + whatToDo(status));
        }
        ClientInformation info = parsed.toSuccessResponse().getClientInformation();
        ClientAuthenticationMethod method = info.getMetadata().getTokenEndpointAuthMethod();
        Secret secret = info.getSecret() == null ? null : Secret.of(info.getSecret().getValue());
        String authMethod = method != null ? method.getValue() : (secret == null ? ClientRegistration.NONE : ClientRegistration.CLIENT_SECRET_BASIC);
        LOG.info("Registered a new OAuth client with {}", issuer(metadata));
        return new ClientRegistration(info.getID().getValue(), secret, authMethod, redirectUri);
    }

    private static String whatToDo(int status) {
        return status >= 500 ? "the server has a problem, try again later" : "register a client by hand and set clientId";
    }

    static String issuer(AuthorizationServerMetadata metadata) {
        return metadata.getIssuer().getValue();
    }
}
