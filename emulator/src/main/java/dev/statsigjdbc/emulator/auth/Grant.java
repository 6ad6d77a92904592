package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.Scope;
import java.net.URI;

/**
 * What a person approved: which client may act for which user, with which scope, on which
 * resource. Every code, access token and refresh token descending from one approval shares the
 * same {@code family}, so that a replayed code can revoke them all at once.
 */
record Grant(String clientId, String subject, Scope scope, URI resource, String family) {
}
