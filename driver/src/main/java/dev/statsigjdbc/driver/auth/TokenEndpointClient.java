package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.statsigjdbc.driver.vault.ClientRegistration;
import dev.statsigjdbc.driver.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import net.minidev.json.JSONObject;

/** Token endpoint exchanges (code, refresh) and revocation, with the client authentication the client registered. */
final class TokenEndpointClient {
    static final String INVALID_GRANT = "invalid_grant";

    private final HttpTransport http;
    private final Clock clock;

    TokenEndpointClient(HttpTransport http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    TokenResult exchangeCode(URI tokenEndpoint, ClientRegistration client, String code, URI redirectUri, CodeVerifier verifier, String resource) {
        AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier);
        return request(tokenEndpoint, client, grant, resource, null);
    }

    /** @param sourceName names the data source in the "sign in again" message for {@code invalid_grant} */
    TokenResult refresh(URI tokenEndpoint, ClientRegistration client, Secret refreshToken, String resource, String sourceName) {
        return request(tokenEndpoint, client, new RefreshTokenGrant(new RefreshToken(refreshToken.reveal())), resource, sourceName);
    }

    /** RFC 7009; a refused revocation is reported, an unknown token is not (the server answers 200 for it). */
    void revoke(URI revocationEndpoint, ClientRegistration client, Secret token, boolean isRefreshToken) {
        Token nimbusToken = isRefreshToken ? new RefreshToken(token.reveal()) : new TypelessAccessToken(token.reveal());
        ClientAuthentication auth = authentication(client);
        TokenRevocationRequest request = auth == null
                ? new TokenRevocationRequest(revocationEndpoint, new ClientID(client.clientId()), nimbusToken)
                : new TokenRevocationRequest(revocationEndpoint, auth, nimbusToken);
        HTTPResponse response = http.send(request.toHTTPRequest(), "revocation endpoint");
        if (response.getStatusCode() != 200) {
            throw refused("revocation endpoint", revocationEndpoint, response, null);
        }
    }

    private TokenResult request(URI endpoint, ClientRegistration client, AuthorizationGrant grant, String resource, String sourceName) {
        ClientAuthentication auth = authentication(client);
        TokenRequest.Builder builder = auth == null
                ? new TokenRequest.Builder(endpoint, new ClientID(client.clientId()), grant)
                : new TokenRequest.Builder(endpoint, auth, grant);
        if (resource != null) {
            builder.resources(URI.create(resource));
        }
        HTTPRequest httpRequest = builder.build().toHTTPRequest();
        HTTPResponse response = http.send(httpRequest, "token endpoint");
        if (response.getStatusCode() != 200) {
            throw refused("token endpoint", endpoint, response, sourceName);
        }
        return parseSuccess(endpoint, response);
    }

    private TokenResult parseSuccess(URI endpoint, HTTPResponse response) {
        JSONObject json;
        try {
            json = JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (ParseException e) {
            throw new OAuthException("The token endpoint " + endpoint + " answered with something that is not JSON; tell the authorization server's operator");
        }
        for (String required : new String[] {"access_token", "token_type"}) {
            if (!(json.get(required) instanceof String)) {
                throw new OAuthException("The token endpoint " + endpoint + " answered without \"" + required + "\"; tell the authorization server's operator");
            }
        }
        String type = (String) json.get("token_type");
        if (!type.equalsIgnoreCase("Bearer")) {
            throw new OAuthException("The token endpoint " + endpoint + " issued a token of type '" + type + "', but only Bearer tokens are supported");
        }
        json.put("token_type", "Bearer"); // some servers say "bearer"; RFC 6749 makes it case-insensitive, Nimbus does not
        try {
            AccessTokenResponse parsed = AccessTokenResponse.parse(json);
            AccessToken access = parsed.getTokens().getAccessToken();
            RefreshToken refresh = parsed.getTokens().getRefreshToken();
            Instant expiresAt = access.getLifetime() > 0 ? clock.instant().plusSeconds(access.getLifetime()) : null;
            return new TokenResult(Secret.of(access.getValue()), refresh == null ? null : Secret.of(refresh.getValue()), expiresAt,
                    access.getScope() == null ? null : access.getScope().toString());
        } catch (ParseException e) {
            // Nimbus' message names the field, never its value.
            throw new OAuthException("The token endpoint " + endpoint + " answered with a malformed token response (" + e.getMessage()
                    + "); tell the authorization server's operator");
        }
    }

    private static OAuthException refused(String what, URI endpoint, HTTPResponse response, String sourceName) {
        ErrorObject error = null;
        try {
            error = TokenErrorResponse.parse(response).getErrorObject();
        } catch (ParseException | RuntimeException notAnOAuthError) {
            // not a JSON error body: report the status alone
        }
        String code = error == null ? null : error.getCode();
        if (sourceName != null && INVALID_GRANT.equals(code)) {
            return new ReauthorizationRequiredException(sourceName, "The saved sign-in for data source '" + sourceName + "' has expired or was revoked");
        }
        int status = response.getStatusCode();
        String description = error == null || error.getDescription() == null ? "" : ": " + abbreviate(error.getDescription());
        if ("invalid_client".equals(code) || "unauthorized_client".equals(code)) {
            String message = "The " + what + " " + endpoint + " does not accept the client (HTTP " + status + ", error " + code + ")" + description;
            return sourceName != null
                    ? new ReauthorizationRequiredException(sourceName, message)
                    : new ClientRejectedException(message + "; check clientId/clientSecret, or sign in again to register a new client");
        }
        String hint = status >= 500 ? "the server has a problem, try again later" : "check the server configuration or sign in again";
        return new OAuthException("The " + what + " " + endpoint + " refused the request (HTTP " + status
                + (code == null ? "" : ", error " + code) + ")" + description + "; " + hint);
    }

    /** The server's own explanation helps (e.g. "personal console API keys are disabled"), but only briefly. */
    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Null for public clients ({@code none}), which send client_id in the body instead. */
    private static ClientAuthentication authentication(ClientRegistration client) {
        ClientID id = new ClientID(client.clientId());
        return switch (client.authMethod()) {
            case ClientRegistration.NONE -> null;
            case ClientRegistration.CLIENT_SECRET_BASIC -> new ClientSecretBasic(id, nimbusSecret(client));
            case ClientRegistration.CLIENT_SECRET_POST -> new ClientSecretPost(id, nimbusSecret(client));
            default -> throw new OAuthException("The token endpoint auth method '" + client.authMethod()
                    + "' is not supported; use none, client_secret_post or client_secret_basic");
        };
    }

    private static com.nimbusds.oauth2.sdk.auth.Secret nimbusSecret(ClientRegistration client) {
        if (client.clientSecret() == null) {
            throw new OAuthException("The client " + client.clientId() + " uses " + client.authMethod() + " but has no client secret; set clientSecret");
        }
        return new com.nimbusds.oauth2.sdk.auth.Secret(client.clientSecret().reveal());
    }
}
