package dev.statsigjdbc.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {
    @Test
    void parsesQuotedAndTokenParameters() {
        assertThat(BearerChallenge.parse("Bearer error=\"insufficient_scope\", scope=\"read write\", resource_metadata=\"https://x/.well-known/oauth-protected-resource\""))
                .contains(new BearerChallenge("insufficient_scope", "read write", "https://x/.well-known/oauth-protected-resource"));
        assertThat(BearerChallenge.parse("bearer error=invalid_token")).contains(new BearerChallenge("invalid_token", null, null));
        assertThat(BearerChallenge.parse("Bearer")).contains(new BearerChallenge(null, null, null));
    }

    @Test
    void findsBearerAmongOtherSchemes() {
        assertThat(BearerChallenge.parse("Basic realm=\"a, b\", Bearer scope=\"x\\\"y\", realm=z"))
                .contains(new BearerChallenge(null, "x\"y", null));
        assertThat(BearerChallenge.parse("Basic realm=\"x\"")).isEmpty();
        assertThat(BearerChallenge.parse(null)).isEmpty();
        assertThat(BearerChallenge.parse("")).isEmpty();
    }
}
