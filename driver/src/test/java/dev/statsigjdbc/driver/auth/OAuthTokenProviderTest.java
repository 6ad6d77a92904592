package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.vault.ClientRegistration;
import dev.statsigjdbc.driver.vault.CredentialSet;
import dev.statsigjdbc.driver.vault.CredentialVault;
import dev.statsigjdbc.driver.vault.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthTokenProviderTest {
    @TempDir
    Path dir;
    FakeOAuthServer as;
    CredentialVault vault;
    TokenEndpointClient tokens;
    AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        as = new FakeOAuthServer();
        vault = CredentialVault.at(dir, null);
        tokens = new TokenEndpointClient(HttpTransport.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), Clock.systemUTC());
        as.tokenJson = "{\"access_token\":\"sekrit-access-2\",\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\"sekrit-refresh-2\"}";
        as.routes.put("POST /token", r -> {
            refreshes.incrementAndGet();
            return FakeOAuthServer.json(200, as.tokenJson);
        });
    }

    @AfterEach
    void stop() {
        as.close();
    }

    void storeExpiringIn(Duration remaining) {
        vault.store("demo", new CredentialSet(Secret.of("sekrit-access-1"), Secret.of("sekrit-refresh-1"), Instant.now().plus(remaining), "read",
                as.base() + "/mcp", as.base(), as.uri("/token"), as.uri("/revoke"), new ClientRegistration("c-1", null, null, null), null));
    }

    OAuthTokenProvider provider(java.util.function.Function<String, CredentialSet> stepUp) {
        return new OAuthTokenProvider("demo", as.uri("/mcp"), vault, tokens, Clock.systemUTC(), Duration.ofSeconds(60), 2, stepUp, null);
    }

    OAuthTokenProvider provider() {
        return provider(header -> {
            throw new AssertionError("no sign-in expected");
        });
    }

    @Test
    void aFreshTokenNeedsNoNetwork() {
        storeExpiringIn(Duration.ofHours(1));
        assertThat(provider().currentAccessToken()).isEqualTo("sekrit-access-1");
        assertThat(as.requests).isEmpty();
    }

    @Test
    void refreshesBeforeExpiryAndPersistsTheRotatedRefreshTokenAtOnce() {
        storeExpiringIn(Duration.ofSeconds(10));
        assertThat(provider().currentAccessToken()).isEqualTo("sekrit-access-2");
        assertThat(FakeOAuthServer.form(as.requestsTo("/token").get(0))).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", "sekrit-refresh-1").containsEntry("resource", as.base() + "/mcp").containsEntry("client_id", "c-1");
        CredentialSet stored = vault.load("demo").orElseThrow();
        assertThat(stored.refreshToken().reveal()).isEqualTo("sekrit-refresh-2");
        assertThat(stored.accessToken().reveal()).isEqualTo("sekrit-access-2");
        assertThat(stored.scope()).isEqualTo("read");
    }

    @Test
    void keepsTheOldRefreshTokenWhenTheServerDoesNotRotate() {
        storeExpiringIn(Duration.ZERO);
        as.tokenJson = "{\"access_token\":\"sekrit-access-2\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        provider().currentAccessToken();
        assertThat(vault.load("demo").orElseThrow().refreshToken().reveal()).isEqualTo("sekrit-refresh-1");
    }

    @Test
    void refreshesOnInvalidTokenAndAsksForAReplay() {
        storeExpiringIn(Duration.ofHours(1));
        OAuthTokenProvider provider = provider();
        assertThat(provider.currentAccessToken()).isEqualTo("sekrit-access-1");
        assertThat(provider.onUnauthorized("Bearer error=\"invalid_token\"")).isTrue();
        assertThat(provider.currentAccessToken()).isEqualTo("sekrit-access-2");
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void invalidGrantTellsTheUserToSignInAgain() {
        storeExpiringIn(Duration.ZERO);
        as.routes.put("POST /token", r -> FakeOAuthServer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}"));
        assertThatThrownBy(() -> provider().currentAccessToken())
                .isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessage("The saved sign-in for data source 'demo' has expired or was revoked; run `statsig-sql sources add demo` again to sign in");
    }

    @Test
    void noRefreshTokenOrNoSavedSignInTellsTheUserToSignInAgain() {
        assertThatThrownBy(() -> provider().currentAccessToken()).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("has no saved sign-in").hasMessageContaining("sources add demo");
        vault.store("demo", new CredentialSet(Secret.of("sekrit-access-1"), null, Instant.now(), null, null, null, as.uri("/token"), null,
                new ClientRegistration("c-1", null, null, null), null));
        assertThatThrownBy(() -> provider().currentAccessToken()).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("issues no refresh tokens").hasMessageContaining("browser property")
                .hasMessageContaining("run `statsig-sql sources add demo` again");
    }

    @Test
    void withoutARefreshTokenAnInteractiveConnectionSignsInAgain() {
        vault.store("demo", new CredentialSet(Secret.of("sekrit-access-1"), null, Instant.now(), null, as.base() + "/mcp", as.base(),
                as.uri("/token"), null, new ClientRegistration("c-1", null, null, null), null));
        CredentialSet signedInAgain = new CredentialSet(Secret.of("sekrit-access-3"), null, Instant.now().plus(Duration.ofHours(1)),
                null, as.base() + "/mcp", as.base(), as.uri("/token"), null, new ClientRegistration("c-1", null, null, null), null);
        AtomicInteger signIns = new AtomicInteger();
        OAuthTokenProvider interactive = new OAuthTokenProvider("demo", as.uri("/mcp"), vault, tokens, Clock.systemUTC(),
                Duration.ofSeconds(60), 2, header -> {
                    throw new AssertionError("no step-up expected");
                }, header -> {
                    signIns.incrementAndGet();
                    return signedInAgain;
                });
        assertThat(interactive.currentAccessToken()).isEqualTo("sekrit-access-3");
        assertThat(signIns).hasValue(1);
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void aSignInForAnotherMcpServerUrlIsNotUsed() {
        vault.store("demo", new CredentialSet(Secret.of("sekrit-access-1"), Secret.of("sekrit-refresh-1"), Instant.now().plus(Duration.ofHours(1)),
                null, as.base() + "/v1/mcp", as.base(), as.uri("/token"), null, new ClientRegistration("c-1", null, null, null), null));
        OAuthTokenProvider forV3 = new OAuthTokenProvider("demo", as.uri("/v3/mcp"), vault, tokens, Clock.systemUTC(),
                Duration.ofSeconds(60), 2, header -> {
                    throw new AssertionError("no sign-in expected");
                }, null);
        assertThatThrownBy(forV3::currentAccessToken).isInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("is for " + as.base() + "/v1/mcp, not " + as.uri("/v3/mcp"))
                .hasMessageContaining("sources add demo");
        assertThat(as.requests).isEmpty();
    }

    @Test
    void concurrentCallersRefreshOnce() throws Exception {
        storeExpiringIn(Duration.ZERO);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                OAuthTokenProvider provider = provider(); // one per connection, sharing the source
                results.add(pool.submit((Callable<String>) () -> {
                    go.await();
                    return provider.currentAccessToken();
                }));
            }
            go.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("sekrit-access-2");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void stepsUpOnInsufficientScopeWithALimit() {
        storeExpiringIn(Duration.ofHours(1));
        List<String> challenges = new ArrayList<>();
        OAuthTokenProvider provider = provider(header -> {
            challenges.add(header);
            return vault.load("demo").orElseThrow().withTokens(Secret.of("sekrit-access-3"), null, Instant.now().plusSeconds(3600), "read admin");
        });
        String header = "Bearer error=\"insufficient_scope\", scope=\"read admin\"";
        assertThat(provider.onUnauthorized(header)).isTrue();
        assertThat(provider.currentAccessToken()).isEqualTo("sekrit-access-3");
        assertThat(provider.onUnauthorized(header)).isTrue();
        assertThatThrownBy(() -> provider.onUnauthorized(header)).isInstanceOf(OAuthException.class)
                .hasMessageContaining("still asks for more scope (read admin) after 2 sign-ins");
        assertThat(challenges).hasSize(2);
    }

    @Test
    void stepUpSignsInAgainWithTheUnionOfScopes() throws Exception {
        McpOAuthClient client = new McpOAuthClient(HttpTransport.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), vault,
                OAuthSettings.defaults().withCallbackTimeout(Duration.ofSeconds(20)), UserAgents.direct(
                        HttpTransport.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))), Clock.systemUTC());
        as.routes.put("POST /token", r -> FakeOAuthServer.json(200, as.tokenJson));
        as.tokenJson = "{\"access_token\":\"sekrit-access-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"sekrit-refresh-1\"}";
        client.signIn("demo", as.uri("/mcp"), client.probe(as.uri("/mcp")).orElseThrow());
        TokenProvider provider = client.tokenProvider("demo", as.uri("/mcp"));
        as.tokenJson = "{\"access_token\":\"sekrit-access-9\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

        assertThat(provider.onUnauthorized("Bearer error=\"insufficient_scope\", scope=\"admin\"")).isTrue();
        assertThat(provider.currentAccessToken()).isEqualTo("sekrit-access-9");
        assertThat(FakeOAuthServer.query(as.requestsTo("/authorize").get(1))).containsEntry("scope", "read admin");
        assertThat(vault.load("demo").orElseThrow().scope()).isEqualTo("read admin");
    }
}
