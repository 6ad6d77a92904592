package dev.statsigjdbc.driver.auth;

import dev.statsigjdbc.driver.connect.StatsigProperty;
import dev.statsigjdbc.driver.vault.EncryptedValue;
import dev.statsigjdbc.driver.vault.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

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

    /** Connection/profile property names read by {@link #fromProperties}. */
    public static final String CLIENT_ID = StatsigProperty.CLIENT_ID.key();
    public static final String CLIENT_SECRET = StatsigProperty.CLIENT_SECRET.key();
    public static final String CLIENT_AUTH_METHOD = StatsigProperty.CLIENT_AUTH_METHOD.key();
    public static final String CLIENT_METADATA_URL = StatsigProperty.CLIENT_METADATA_URL.key();
    public static final String CALLBACK_TIMEOUT_SECONDS = StatsigProperty.CALLBACK_TIMEOUT_SECONDS.key();

    /**
     * Settings from connection or profile properties; {@code clientSecret} may be an {@code ENC(...)} value,
     * decrypted with the master password from {@code environment} or the properties.
     */
    public static OAuthSettings fromProperties(Properties properties, Map<String, String> environment) {
        OAuthSettings settings = defaults();
        String clientId = properties.getProperty(CLIENT_ID);
        if (clientId != null && !clientId.isBlank()) {
            Secret secret = EncryptedValue.resolve(CLIENT_SECRET, properties.getProperty(CLIENT_SECRET), properties, environment);
            settings = settings.withPreRegisteredClient(clientId, secret, properties.getProperty(CLIENT_AUTH_METHOD));
        }
        String metadataUrl = properties.getProperty(CLIENT_METADATA_URL);
        if (metadataUrl != null && !metadataUrl.isBlank()) {
            settings = settings.withClientMetadataDocument(URI.create(metadataUrl));
        }
        String timeout = properties.getProperty(CALLBACK_TIMEOUT_SECONDS);
        if (timeout != null) {
            try {
                settings = settings.withCallbackTimeout(Duration.ofSeconds(Long.parseLong(timeout.trim())));
            } catch (NumberFormatException e) {
                throw new OAuthException("The property " + CALLBACK_TIMEOUT_SECONDS + " must be a whole number of seconds, not '" + timeout + "'");
            }
        }
        return settings;
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
