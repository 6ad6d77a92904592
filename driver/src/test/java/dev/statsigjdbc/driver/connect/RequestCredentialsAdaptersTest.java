package dev.statsigjdbc.driver.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.driver.auth.TokenProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestCredentialsAdaptersTest {
  private final List<String> rejections = new ArrayList<>();
  private final TokenProvider tokens = new TokenProvider() {
    @Override
    public String currentAccessToken() {
      return "token-" + rejections.size();
    }

    @Override
    public boolean onUnauthorized(String wwwAuthenticate) {
      rejections.add(wwwAuthenticate);
      return true;
    }
  };

  @Test
  void bearerCredentialsSendTheCurrentTokenOnEveryRequestAndRefreshOn401() {
    BearerTokenCredentials credentials = new BearerTokenCredentials(tokens);
    assertThat(authorization(credentials)).isEqualTo("Bearer token-0");

    assertThat(credentials.refreshAfterRejection(401, "Bearer error=\"invalid_token\"")).isTrue();

    assertThat(authorization(credentials)).isEqualTo("Bearer token-1");
    assertThat(credentials.toString()).doesNotContain("token");
  }

  @Test
  void a403IsRetriedOnlyForMoreScope() {
    BearerTokenCredentials credentials = new BearerTokenCredentials(tokens);
    assertThat(credentials.refreshAfterRejection(403, "Bearer error=\"access_denied\"")).isFalse();
    assertThat(credentials.refreshAfterRejection(403, null)).isFalse();
    assertThat(rejections).isEmpty();

    assertThat(credentials.refreshAfterRejection(403, "Bearer error=\"insufficient_scope\", scope=\"read write\"")).isTrue();
    assertThat(rejections).hasSize(1);
  }

  @Test
  void signInOnDemandSendsNothingUntilTheFirstRejectionThenSignsInOnce() {
    List<String> signIns = new ArrayList<>();
    SignInOnDemandCredentials credentials = new SignInOnDemandCredentials(challenge -> {
      signIns.add(challenge);
      return new BearerTokenCredentials(tokens);
    });
    assertThat(authorization(credentials)).isNull();
    assertThat(credentials.kind()).isEqualTo("no credentials");

    assertThat(credentials.refreshAfterRejection(401, "Bearer scope=\"read\"")).isTrue();
    assertThat(authorization(credentials)).isEqualTo("Bearer token-0");
    assertThat(credentials.refreshAfterRejection(401, "Bearer error=\"invalid_token\"")).isTrue();

    assertThat(signIns).containsExactly("Bearer scope=\"read\"");
    assertThat(rejections).containsExactly("Bearer error=\"invalid_token\"");
    assertThat(credentials.kind()).isEqualTo("OAuth");
  }

  private static String authorization(dev.statsigjdbc.driver.mcp.RequestCredentials credentials) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1/mcp"));
    credentials.apply(request);
    return request.build().headers().firstValue("Authorization").orElse(null);
  }
}
