package dev.statsigjdbc.driver.vault;

import java.net.URI;
import java.time.Instant;

/**
 * Everything the driver keeps for one data source. OAuth sources fill the token fields, API-key sources only
 * {@code apiKey}; absent values are null. Secrets are {@link Secret}s, so {@code toString()} is safe to log.
 *
 * @param expiresAt          when the access token expires (null: unknown)
 * @param issuer             the authorization server's issuer identifier
 * @param resource           the RFC 8707 resource indicator (the MCP server's canonical URI, verbatim)
 * @param scope              space-separated scopes granted
 */
public record CredentialSet(
        Secret accessToken,
        Secret refreshToken,
        Instant expiresAt,
        String scope,
        String resource,
        String issuer,
        URI tokenEndpoint,
        URI revocationEndpoint,
        ClientRegistration client,
        Secret apiKey) {

    public static CredentialSet ofApiKey(Secret apiKey) {
        return new CredentialSet(null, null, null, null, null, null, null, null, null, apiKey);
    }

    /** The same source with new tokens; a null refresh token keeps the old one (servers need not rotate). */
    public CredentialSet withTokens(Secret newAccessToken, Secret newRefreshToken, Instant newExpiresAt, String newScope) {
        return new CredentialSet(newAccessToken, newRefreshToken != null ? newRefreshToken : refreshToken, newExpiresAt,
                newScope != null ? newScope : scope, resource, issuer, tokenEndpoint, revocationEndpoint, client, apiKey);
    }
}
