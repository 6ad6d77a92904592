package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import java.net.URI;

/** A validated authorization request waiting for the person's answer (or auto-approval). */
record PendingAuthorization(
    RegisteredClient client, URI redirectUri, State state, Scope scope, URI resource, CodeChallenge challenge) {
}
