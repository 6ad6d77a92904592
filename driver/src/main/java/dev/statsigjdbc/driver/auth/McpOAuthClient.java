package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.statsigjdbc.driver.vault.ClientRegistration;
import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.CredentialVault;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2.1 client for MCP servers (authorization spec 2025-11-25, with 2025-03-26 fallbacks): signs a data
 * source in (discovery, client registration, authorization code + PKCE through a loopback redirect), keeps its
 * credentials in the vault, hands out {@link TokenProvider}s that refresh them, and signs out (RFC 7009).
 */
public final class McpOAuthClient {
    private static final Logger LOG = LoggerFactory.getLogger(McpOAuthClient.class);
    private static final String PROBE = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"statsig-jdbc\",\"version\":\"0\"}}}";

    private final HttpTransport http;
    private final CredentialVault vault;
    private final OAuthSettings settings;
    private final Clock clock;
    private final AuthorizationDiscovery discovery;
    private final ClientRegistrar registrar;
    private final TokenEndpointClient tokens;
    private final AuthorizationCodeFlow flow;

    public McpOAuthClient(HttpTransport http, CredentialVault vault, OAuthSettings settings, UserAgent userAgent, Clock clock) {
        this.http = http;
        this.vault = vault;
        this.settings = settings;
        this.clock = clock;
        this.discovery = new AuthorizationDiscovery(http);
        this.registrar = new ClientRegistrar(http, vault, settings);
        this.tokens = new TokenEndpointClient(http, clock);
        this.flow = new AuthorizationCodeFlow(tokens, userAgent, settings.callbackTimeout());
    }

    /**
     * Asks the MCP server, without credentials, whether it wants any: the {@code WWW-Authenticate} header of its
     * 401 (empty string if it sent none), or empty when it answered without asking for authorization.
     */
    public Optional<String> probe(URI server) {
        HTTPResponse response = http.postJson(server, PROBE, "application/json, text/event-stream", "MCP server");
        if (response.getStatusCode() == 401) {
            String header = response.getHeaderValue("WWW-Authenticate");
            return Optional.of(header == null ? "" : header);
        }
        if (response.getStatusCode() / 100 == 2) {
            return Optional.empty();
        }
        throw new OAuthException("The MCP server " + server + " answered HTTP " + response.getStatusCode() + " to an initialize request; check the URL");
    }

    /**
     * Signs {@code sourceName} in to the MCP server at {@code server} interactively and stores the credentials.
     *
     * @param wwwAuthenticate the header of the server's 401/403 (null or empty: none seen)
     */
    public CredentialSet signIn(String sourceName, URI server, String wwwAuthenticate) {
        BearerChallenge challenge = BearerChallenge.parse(wwwAuthenticate).orElse(null);
        AuthorizationDiscovery.Result found = discovery.discover(server, challenge);
        AuthorizationServerMetadata metadata = found.metadata();
        String scope = chooseScope(challenge, found, sourceName);
        Optional<ClientRegistration> cachedBefore = registrar.cached(metadata);
        try {
            return authorize(sourceName, found, scope);
        } catch (ClientRejectedException rejected) {
            // A cached registration the server no longer knows (it may keep clients in memory): register again, once.
            if (cachedBefore.isEmpty() || !registrar.forgetIfCached(metadata, cachedBefore.get())) {
                throw rejected;
            }
            LOG.info("The authorization server {} no longer accepts the cached client; registering again", metadata.getIssuer());
            return authorize(sourceName, found, scope);
        }
    }

    private CredentialSet authorize(String sourceName, AuthorizationDiscovery.Result found, String scope) {
        AuthorizationServerMetadata metadata = found.metadata();
        try (LoopbackReceiver receiver = LoopbackReceiver.startPreferring(registrar.preferredPort(metadata))) {
            ClientRegistration client = registrar.obtain(metadata, receiver.redirectUri());
            TokenResult result = flow.run(metadata, client, receiver, found.resource(), scope);
            CredentialSet credentials = new CredentialSet(result.accessToken(), result.refreshToken(), result.expiresAt(),
                    result.scope() != null ? result.scope() : scope, found.resource(), metadata.getIssuer().getValue(),
                    metadata.getTokenEndpointURI(), metadata.getRevocationEndpointURI(), client, null);
            vault.store(sourceName, credentials);
            LOG.info("Signed data source '{}' in to {}", sourceName, metadata.getIssuer());
            return credentials;
        } catch (IOException e) {
            throw new OAuthException("Cannot listen on 127.0.0.1 for the sign-in redirect (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The token provider for a signed-in source; it signs in again (step-up) when the server wants more scope. When
     * the tokens cannot be renewed (no refresh token), it refuses with a message saying how to sign in again.
     */
    public TokenProvider tokenProvider(String sourceName, URI server) {
        return tokenProvider(sourceName, server, false);
    }

    /**
     * As {@link #tokenProvider(String, URI)}; with {@code signInAgainWhenExpired}, the provider signs in again
     * through the user agent instead of refusing (for interactive connections).
     */
    public TokenProvider tokenProvider(String sourceName, URI server, boolean signInAgainWhenExpired) {
        Function<String, CredentialSet> signIn = wwwAuthenticate -> signIn(sourceName, server, wwwAuthenticate);
        return new OAuthTokenProvider(sourceName, server, vault, tokens, clock, settings.refreshSkew(), settings.maxStepUps(),
                signIn, signInAgainWhenExpired ? signIn : null);
    }

    /**
     * The source's saved sign-in for {@code server}.
     *
     * @throws ReauthorizationRequiredException when it has none, or only one for another MCP server URL
     */
    public CredentialSet savedSignIn(String sourceName, URI server) {
        return SavedSignIn.require(vault, sourceName, server);
    }

    /**
     * Revokes the source's tokens where the server supports revocation, then forgets them. Returns whether the
     * server confirmed the revocation; the local copy is deleted either way.
     */
    public boolean signOut(String sourceName) {
        Optional<CredentialSet> stored = vault.load(sourceName);
        boolean revoked = false;
        if (stored.isPresent() && stored.get().revocationEndpoint() != null && stored.get().client() != null) {
            CredentialSet c = stored.get();
            try {
                if (c.refreshToken() != null) {
                    tokens.revoke(c.revocationEndpoint(), c.client(), c.refreshToken(), true);
                }
                if (c.accessToken() != null) {
                    tokens.revoke(c.revocationEndpoint(), c.client(), c.accessToken(), false);
                }
                revoked = true;
            } catch (OAuthException e) {
                LOG.warn("Could not revoke the tokens of data source '{}': {}", sourceName, e.getMessage());
            }
        }
        vault.delete(sourceName);
        return revoked;
    }

    /** Scope per the spec: the challenge's, else the resource's scopes_supported, else the server's, else none. */
    private String chooseScope(BearerChallenge challenge, AuthorizationDiscovery.Result found, String sourceName) {
        if (challenge != null && challenge.scope() != null && !challenge.scope().isBlank()) {
            if (!BearerChallenge.INSUFFICIENT_SCOPE.equals(challenge.error())) {
                return challenge.scope();
            }
            // Step-up: keep what was granted before and add what the server now asks for.
            Set<String> union = new LinkedHashSet<>();
            vault.load(sourceName).map(CredentialSet::scope).ifPresent(granted -> union.addAll(List.of(granted.split(" "))));
            union.addAll(List.of(challenge.scope().split(" ")));
            union.remove("");
            return String.join(" ", union);
        }
        if (!found.resourceScopes().isEmpty()) {
            return String.join(" ", found.resourceScopes());
        }
        Scope advertised = found.metadata().getScopes();
        return advertised == null || advertised.isEmpty() ? null : advertised.toString();
    }
}
