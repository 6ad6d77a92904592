package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.statsigjdbc.driver.vault.ClientRegistration;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One authorization code grant with PKCE S256: builds the authorization URL (public values only), hands it to the
 * {@link UserAgent}, checks what comes back to the {@link LoopbackReceiver} ({@code state}, RFC 9207 {@code iss},
 * errors) and exchanges the code.
 */
final class AuthorizationCodeFlow {
    private final TokenEndpointClient tokens;
    private final UserAgent userAgent;
    private final Duration callbackTimeout;

    AuthorizationCodeFlow(TokenEndpointClient tokens, UserAgent userAgent, Duration callbackTimeout) {
        this.tokens = tokens;
        this.userAgent = userAgent;
        this.callbackTimeout = callbackTimeout;
    }

    /**
     * @param resource the RFC 8707 resource indicator (null for a server without PRM)
     * @param scope    space-separated, or null to ask for none
     */
    TokenResult run(AuthorizationServerMetadata metadata, ClientRegistration client, LoopbackReceiver receiver, String resource, String scope) {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(client.clientId()))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(receiver.redirectUri())
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (scope != null) {
            request.scope(Scope.parse(scope));
        }
        if (resource != null) {
            request.resources(URI.create(resource));
        }
        receiver.expectState(state.getValue());
        userAgent.open(request.build().toURI(), receiver.redirectUri());
        Map<String, String> callback = receiver.await(callbackTimeout);
        String code = checkCallback(callback, state, metadata);
        return tokens.exchangeCode(metadata.getTokenEndpointURI(), client, code, receiver.redirectUri(), verifier, resource);
    }

    private static String checkCallback(Map<String, String> callback, State state, AuthorizationServerMetadata metadata) {
        String issuer = metadata.getIssuer().getValue();
        if (!LoopbackReceiver.sameState(state.getValue(), callback.get("state"))) {
            throw new OAuthException("The sign-in response did not carry the state this client sent, so it may not be an answer to this "
                    + "request (a forged or stale redirect); it was refused. Sign in again");
        }
        String iss = callback.get("iss");
        if (iss == null && metadata.supportsAuthorizationResponseIssuerParam()) {
            throw new OAuthException("The sign-in response lacks the 'iss' parameter that " + issuer + " promises (RFC 9207); it was refused. Sign in again");
        }
        if (iss != null && !iss.equals(issuer)) {
            throw new OAuthException("The sign-in response came from the issuer " + iss + ", not from " + issuer
                    + " (RFC 9207 mix-up protection); it was refused. Sign in again");
        }
        String error = callback.get("error");
        if ("invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            throw new ClientRejectedException("The authorization server " + issuer + " does not accept the client (" + error + ")");
        }
        if ("access_denied".equals(error)) {
            throw new OAuthException("Consent was denied: the sign-in at " + issuer + " was answered with Deny, so nothing was signed in. "
                    + "Sign in again and choose Approve to use this data source");
        }
        if (error != null) {
            String description = callback.get("error_description");
            throw new OAuthException("The authorization server " + issuer + " did not grant access (" + error
                    + (description == null ? "" : ": " + TokenEndpointClient.abbreviate(description)) + ")"
                    + "; check the client and scope settings");
        }
        String code = callback.get("code");
        if (code == null || code.isEmpty()) {
            throw new OAuthException("The sign-in response from " + issuer + " carried no authorization code; sign in again");
        }
        return code;
    }
}
