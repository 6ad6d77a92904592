package dev.statsigjdbc.driver.auth;

import dev.statsigjdbc.driver.vault.Secret;
import java.net.URI;
import java.time.Duration;

/**
 * Choices for signing in; {@link #defaults()} fits a public client with dynamic registration.
 *
 * @param clientId               a pre-registered client id, or null to use a metadata document or dynamic registration
 * @param clientSecret           its secret, or null for a public client
 * @param clientAuthMethod       {@code none}, {@code client_secret_post} or {@code client_secret_basic}; null picks by secret
 * @param clientMetadataDocument a Client ID Metadata Document URL, used where the server advertises support
 * @param clientName             the client_name sent with dynamic registration
 * @param callbackTimeout        how long to wait for the browser to come back
 * @param refreshSkew            refresh this long before the access token expires
 * @param maxStepUps             how many times one token provider signs in again for more scope
 */
public record OAuthSettings(
        String clientId,
        Secret clientSecret,
        String clientAuthMethod,
        URI clientMetadataDocument,
        String clientName,
        Duration callbackTimeout,
        Duration refreshSkew,
        int maxStepUps) {

    public static OAuthSettings defaults() {
        return new OAuthSettings(null, null, null, null, "statsig-jdbc", Duration.ofMinutes(5), Duration.ofSeconds(60), 2);
    }

    public OAuthSettings withPreRegisteredClient(String id, Secret secret, String authMethod) {
        return new OAuthSettings(id, secret, authMethod, clientMetadataDocument, clientName, callbackTimeout, refreshSkew, maxStepUps);
    }

    public OAuthSettings withClientMetadataDocument(URI url) {
        return new OAuthSettings(clientId, clientSecret, clientAuthMethod, url, clientName, callbackTimeout, refreshSkew, maxStepUps);
    }

    public OAuthSettings withCallbackTimeout(Duration timeout) {
        return new OAuthSettings(clientId, clientSecret, clientAuthMethod, clientMetadataDocument, clientName, timeout, refreshSkew, maxStepUps);
    }

    public OAuthSettings withRefreshSkew(Duration skew) {
        return new OAuthSettings(clientId, clientSecret, clientAuthMethod, clientMetadataDocument, clientName, callbackTimeout, skew, maxStepUps);
    }
}
