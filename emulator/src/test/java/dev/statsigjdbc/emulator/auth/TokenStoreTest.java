package dev.statsigjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Single use under contention, and nothing secret in what the store throws. */
class TokenStoreTest {
  private static final int RACERS = 16;
  private final TokenStore store = new TokenStore(new MutableClock(), Duration.ofHours(1), Duration.ofDays(30));
  private final Grant grant = new Grant("client-1", "emulator-user", new Scope("read"),
      URI.create("http://127.0.0.1:1/v1/mcp"), "family-1");

  @Test
  void aRefreshTokenRedeemedByManyThreadsAtOnceWorksExactlyOnce() throws Exception {
    String refresh = store.issueTokens(grant).getRefreshToken().getValue();

    assertThat(race(() -> store.redeemRefreshToken(refresh))).isEqualTo(1);
  }

  @Test
  void aCodeRedeemedByManyThreadsAtOnceWorksExactlyOnce() throws Exception {
    String code = store.issueCode(grant, URI.create("http://127.0.0.1/cb"),
        CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()));

    assertThat(race(() -> store.redeemCode(code))).isEqualTo(1);
  }

  @Test
  void refusalsNeverQuoteTheToken() {
    Tokens tokens = store.issueTokens(grant);
    String refresh = tokens.getRefreshToken().getValue();
    store.revokeRefreshTokens();

    assertThatThrownBy(() -> store.redeemRefreshToken(refresh))
        .isInstanceOf(OAuthRefusal.class)
        .hasMessageStartingWith("invalid_grant")
        .hasMessageNotContaining(refresh);
    assertThat(tokens.getAccessToken().toString()).doesNotContain(refresh);
  }

  /** Runs the action on many threads released together; returns how many succeeded. */
  private static int race(Callable<?> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        results.add(pool.submit(() -> {
          go.await();
          try {
            action.call();
            return true;
          } catch (OAuthRefusal refused) {
            return false;
          }
        }));
      }
      go.countDown();
      int successes = 0;
      for (Future<Boolean> result : results) {
        successes += result.get() ? 1 : 0;
      }
      return successes;
    } finally {
      pool.shutdownNow();
    }
  }
}
