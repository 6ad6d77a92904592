/**
 * The OAuth 2.1 client for MCP servers (MCP authorization spec 2025-11-25, with the 2025-03-26 fallbacks); the MCP
 * Java SDK has none.
 * <p>
 * Entry point: {@link dev.statsigjdbc.driver.auth.McpOAuthClient} ({@code probe}, {@code signIn},
 * {@code tokenProvider}, {@code signOut}). Pieces: {@link dev.statsigjdbc.driver.auth.AuthorizationDiscovery}
 * (RFC 9728 + RFC 8414/OIDC in the spec's order), {@code ClientRegistrar} (pre-registered, Client ID Metadata
 * Document, cached or new RFC 7591 registration), {@code AuthorizationCodeFlow} (PKCE S256, state, RFC 9207 iss,
 * RFC 8707 resource), {@link dev.statsigjdbc.driver.auth.LoopbackReceiver} (127.0.0.1 redirect),
 * {@link dev.statsigjdbc.driver.auth.UserAgents} (system / print / direct), {@code TokenEndpointClient} (code,
 * refresh, revocation; Nimbus messages over OkHttp via {@link dev.statsigjdbc.driver.auth.HttpTransport}) and
 * {@code OAuthTokenProvider}. Tokens live in the {@link dev.statsigjdbc.driver.vault.CredentialVault}.
 */
package dev.statsigjdbc.driver.auth;
