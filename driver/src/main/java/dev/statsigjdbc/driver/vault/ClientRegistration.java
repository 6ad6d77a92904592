package dev.statsigjdbc.driver.vault;

import java.net.URI;
import java.util.Objects;

/**
 * An OAuth client as registered with one authorization server: dynamically (RFC 7591), by hand, or as a
 * Client ID Metadata Document URL.
 *
 * @param clientId     public client identifier
 * @param clientSecret null for public clients
 * @param authMethod   token endpoint auth method: {@code none}, {@code client_secret_post} or {@code client_secret_basic}
 * @param redirectUri  the exact redirect URI registered (null when the server accepts any loopback port)
 */
public record ClientRegistration(String clientId, Secret clientSecret, String authMethod, URI redirectUri) {
    public static final String NONE = "none";
    public static final String CLIENT_SECRET_POST = "client_secret_post";
    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";

    public ClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        authMethod = authMethod == null ? (clientSecret == null ? NONE : CLIENT_SECRET_BASIC) : authMethod;
    }
}
