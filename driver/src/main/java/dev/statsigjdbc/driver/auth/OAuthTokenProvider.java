package dev.statsigjdbc.driver.auth;

import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.CredentialVault;
import dev.statsigjdbc.driver.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for one signed-in data source: refreshed shortly before they expire and when the server rejects
 * them, one refresh at a time per credential in this JVM, and every rotated refresh token written to the vault
 * before it is used. When only a new sign-in can help (no refresh token, as from Statsig's server, or one that no
 * longer works), an interactive connection signs in again; any other is refused with
 * {@link ReauthorizationRequiredException}, whose message says how to sign in.
 */
final class OAuthTokenProvider implements TokenProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenProvider.class);
    /** Per credential, shared by every provider in the JVM (several connections may use one source). */
    private static final Map<String, ReentrantLock> REFRESH_LOCKS = new ConcurrentHashMap<>();

    private final String sourceName;
    private final URI server;
    private final CredentialVault vault;
    private final TokenEndpointClient tokens;
    private final Clock clock;
    private final Duration skew;
    private final int maxStepUps;
    private final Function<String, CredentialSet> stepUp;
    private final Function<String, CredentialSet> signInAgain;
    private final ReentrantLock refreshLock;
    private volatile CredentialSet current;
    private int stepUps;

    /**
     * @param stepUp      signs in again for more scope, given the server's challenge
     * @param signInAgain signs in again when the tokens cannot be renewed; null for a connection that must not
     *                    open a sign-in (a server without a desktop): it is refused with a message instead
     */
    OAuthTokenProvider(String sourceName, URI server, CredentialVault vault, TokenEndpointClient tokens, Clock clock, Duration skew,
                       int maxStepUps, Function<String, CredentialSet> stepUp, Function<String, CredentialSet> signInAgain) {
        this.sourceName = sourceName;
        this.server = server;
        this.vault = vault;
        this.tokens = tokens;
        this.clock = clock;
        this.skew = skew;
        this.maxStepUps = maxStepUps;
        this.stepUp = stepUp;
        this.signInAgain = signInAgain;
        this.refreshLock = REFRESH_LOCKS.computeIfAbsent(vault.path() + "|" + sourceName, key -> new ReentrantLock());
    }

    @Override
    public String currentAccessToken() {
        CredentialSet credentials = current != null ? current : stored();
        if (nearExpiry(credentials)) {
            credentials = refresh(credentials.accessToken());
        }
        current = credentials;
        return credentials.accessToken().reveal();
    }

    @Override
    public boolean onUnauthorized(String wwwAuthenticate) {
        BearerChallenge challenge = BearerChallenge.parse(wwwAuthenticate).orElse(new BearerChallenge(null, null, null));
        if (BearerChallenge.INSUFFICIENT_SCOPE.equals(challenge.error())) {
            synchronized (this) {
                if (stepUps >= maxStepUps) {
                    throw new OAuthException("The MCP server still asks for more scope (" + challenge.scope() + ") after " + maxStepUps
                            + " sign-ins; the account may lack the permission. Ask the organisation's admin");
                }
                stepUps++;
            }
            LOG.info("The MCP server asks data source '{}' for more scope ({}); signing in again", sourceName, challenge.scope());
            current = stepUp.apply(wwwAuthenticate);
            return true;
        }
        CredentialSet rejected = current != null ? current : stored();
        current = refresh(rejected.accessToken());
        return true;
    }

    /**
     * Refreshes unless another thread (or JVM, through the vault) already replaced {@code stale}. Holding the lock
     * across the exchange keeps two threads from spending one rotating refresh token twice.
     */
    private CredentialSet refresh(Secret stale) {
        refreshLock.lock();
        try {
            CredentialSet latest = stored();
            if (!Objects.equals(latest.accessToken(), stale) && !nearExpiry(latest)) {
                return latest;
            }
            if (latest.refreshToken() == null || latest.tokenEndpoint() == null || latest.client() == null) {
                return signInAgain("The access token of data source '" + sourceName + "' expired, and the server issues no refresh"
                        + " tokens, so only a new sign-in renews it (a connection with the browser property set signs in again by"
                        + " itself)", null);
            }
            TokenResult result;
            try {
                result = tokens.refresh(latest.tokenEndpoint(), latest.client(), latest.refreshToken(), latest.resource(), sourceName);
            } catch (ReauthorizationRequiredException e) {
                return signInAgain(e.getMessage(), e);
            }
            CredentialSet renewed = vault.update(sourceName, c -> (c == null ? latest : c)
                    .withTokens(result.accessToken(), result.refreshToken(), result.expiresAt(), result.scope()));
            LOG.debug("Refreshed the access token of data source '{}'", sourceName);
            return renewed;
        } finally {
            refreshLock.unlock();
        }
    }

    /** Signs in again on an interactive connection; refuses with {@code why} (and how to sign in) on any other. */
    private CredentialSet signInAgain(String why, ReauthorizationRequiredException refusal) {
        if (signInAgain == null) {
            throw refusal != null ? refusal : new ReauthorizationRequiredException(sourceName, why);
        }
        LOG.info("{}: signing data source '{}' in again", why, sourceName);
        return signInAgain.apply(null);
    }

    private CredentialSet stored() {
        return SavedSignIn.require(vault, sourceName, server);
    }

    private boolean nearExpiry(CredentialSet credentials) {
        return credentials.expiresAt() != null && !clock.instant().plus(skew).isBefore(credentials.expiresAt());
    }
}
