package dev.statsigjdbc.driver.auth;

import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.CredentialVault;
import java.net.URI;

/**
 * A data source's stored sign-in, usable only for the MCP server (protected resource) it was issued for: tokens
 * are kept per resource URL, so a sign-in to Statsig's {@code /v1/mcp} is never sent to {@code /v3/mcp}, nor the
 * reverse.
 */
final class SavedSignIn {
    private SavedSignIn() {
    }

    /** @throws ReauthorizationRequiredException when there is none, or it was issued for another MCP server */
    static CredentialSet require(CredentialVault vault, String sourceName, URI server) {
        CredentialSet saved = vault.load(sourceName).filter(c -> c.accessToken() != null).orElseThrow(
                () -> new ReauthorizationRequiredException(sourceName, "Data source '" + sourceName + "' has no saved sign-in"));
        // A sign-in without a resource comes from a 2025-03-26 server, which names none: it is for whatever the source points at.
        if (saved.resource() != null && !ProtectedResourceMetadata.covers(saved.resource(), server)) {
            throw new ReauthorizationRequiredException(sourceName, "The saved sign-in of data source '" + sourceName + "' is for "
                    + saved.resource() + ", not " + server + " (tokens are kept per MCP server URL)");
        }
        return saved;
    }
}
