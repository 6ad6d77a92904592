package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import net.minidev.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the authorization server of an MCP server, in the order of the MCP authorization spec (2025-11-25), with
 * the 2025-03-26 fallbacks for servers that publish no Protected Resource Metadata.
 */
public final class AuthorizationDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationDiscovery.class);
    private static final String PRM_WELL_KNOWN = "/.well-known/oauth-protected-resource";
    private static final String OAUTH_WELL_KNOWN = "/.well-known/oauth-authorization-server";
    private static final String OIDC_WELL_KNOWN = "/.well-known/openid-configuration";

    private final HttpTransport http;

    public AuthorizationDiscovery(HttpTransport http) {
        this.http = http;
    }

    /**
     * What discovery found.
     *
     * @param resource       the PRM {@code resource}, verbatim; null for a 2025-03-26 server (no PRM)
     * @param metadata       the authorization server's metadata (synthesised for a 2025-03-26 server without any)
     * @param resourceScopes the PRM's {@code scopes_supported}, possibly empty
     */
    public record Result(String resource, AuthorizationServerMetadata metadata, List<String> resourceScopes) {
    }

    /** @param challenge the Bearer challenge of the server's 401, if any */
    public Result discover(URI server, BearerChallenge challenge) {
        ProtectedResourceMetadata prm = protectedResourceMetadata(server, challenge);
        if (prm == null) {
            LOG.debug("No protected resource metadata for {}; using the 2025-03-26 fallbacks", server);
            return new Result(null, legacyAuthorizationServer(server), List.of());
        }
        URI issuer = prm.authorizationServers().get(0);
        AuthorizationServerMetadata metadata = authorizationServerMetadata(issuer);
        LOG.debug("MCP server {} uses the authorization server {}", server, issuer);
        return new Result(prm.resource(), metadata, prm.scopesSupported());
    }

    private ProtectedResourceMetadata protectedResourceMetadata(URI server, BearerChallenge challenge) {
        List<URI> candidates = new ArrayList<>();
        boolean fromHeader = challenge != null && challenge.resourceMetadata() != null;
        if (fromHeader) {
            candidates.add(URI.create(challenge.resourceMetadata()));
        } else {
            String path = trimSlash(server.getRawPath());
            if (!path.isEmpty()) {
                candidates.add(server.resolve(PRM_WELL_KNOWN + path));
            }
            candidates.add(server.resolve(PRM_WELL_KNOWN));
        }
        for (URI candidate : candidates) {
            // The header's URL is authoritative: any failure there is an error, not a reason to guess.
            JSONObject json = fetchJson(candidate, "protected resource metadata", !fromHeader);
            if (json != null) {
                ProtectedResourceMetadata prm = ProtectedResourceMetadata.parse(json, candidate);
                prm.checkDescribes(server, candidate);
                return prm;
            }
        }
        return null;
    }

    /** RFC 8414 then OIDC discovery, in the spec's order for issuers with and without a path. */
    AuthorizationServerMetadata authorizationServerMetadata(URI issuer) {
        String path = trimSlash(issuer.getRawPath());
        List<URI> candidates = path.isEmpty()
                ? List.of(issuer.resolve(OAUTH_WELL_KNOWN), issuer.resolve(OIDC_WELL_KNOWN))
                : List.of(issuer.resolve(OAUTH_WELL_KNOWN + path), issuer.resolve(OIDC_WELL_KNOWN + path),
                        URI.create(trimSlash(issuer.toString()) + OIDC_WELL_KNOWN));
        for (URI candidate : candidates) {
            JSONObject json = fetchJson(candidate, "authorization server metadata", true);
            if (json != null) {
                return checked(parseMetadata(json, candidate), issuer, candidate);
            }
        }
        throw new OAuthException("The authorization server " + issuer + " publishes no metadata (tried " + candidates
                + "); check that it supports RFC 8414 or OpenID Connect discovery");
    }

    /** 2025-03-26: metadata at the MCP server's origin, else the default endpoints there. */
    private AuthorizationServerMetadata legacyAuthorizationServer(URI server) {
        URI base = server.resolve("/");
        URI candidate = base.resolve(OAUTH_WELL_KNOWN);
        JSONObject json = fetchJson(candidate, "authorization server metadata", true);
        if (json != null) {
            // 2025-03-26 derives this URL from the MCP server, not from an issuer, so the issuer may carry a path
            // (e.g. <origin>/oauth); it must still be on the MCP server's origin.
            AuthorizationServerMetadata metadata = parseMetadata(json, candidate);
            URI issuer = URI.create(metadata.getIssuer().getValue());
            if (!base.equals(issuer.resolve("/"))) {
                throw new OAuthException("The authorization server metadata at " + candidate + " names the issuer " + issuer
                        + ", which is not on the MCP server's origin " + base + "; refusing it. Tell the server's operator");
            }
            return checked(metadata, issuer, candidate);
        }
        AuthorizationServerMetadata defaults = new AuthorizationServerMetadata(new Issuer(trimSlash(base.toString())));
        defaults.setAuthorizationEndpointURI(base.resolve("/authorize"));
        defaults.setTokenEndpointURI(base.resolve("/token"));
        defaults.setRegistrationEndpointURI(base.resolve("/register"));
        // The 2025-03-26 spec makes PKCE S256 mandatory for these servers, so it is assumed.
        defaults.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        return defaults;
    }

    private static AuthorizationServerMetadata parseMetadata(JSONObject json, URI from) {
        try {
            return AuthorizationServerMetadata.parse(json);
        } catch (ParseException e) {
            throw new OAuthException("The authorization server metadata at " + from + " is malformed (" + e.getMessage()
                    + "); tell the authorization server's operator", e);
        }
    }

    private static AuthorizationServerMetadata checked(AuthorizationServerMetadata metadata, URI issuer, URI from) {
        if (!trimSlash(metadata.getIssuer().getValue()).equals(trimSlash(issuer.toString()))) {
            throw new OAuthException("The authorization server metadata at " + from + " names the issuer " + metadata.getIssuer()
                    + " instead of " + issuer + " (RFC 8414 section 3.3); refusing it. Tell the server's operator");
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null) {
            throw new OAuthException("The authorization server metadata at " + from + " lacks an authorization_endpoint or token_endpoint; tell the server's operator");
        }
        List<CodeChallengeMethod> pkce = metadata.getCodeChallengeMethods();
        if (pkce == null || !pkce.contains(CodeChallengeMethod.S256)) {
            throw new OAuthException("The authorization server " + issuer + " does not advertise PKCE S256 (code_challenge_methods_supported is "
                    + (pkce == null ? "absent" : pkce) + "); the MCP authorization spec requires it, so this client refuses to sign in there");
        }
        return metadata;
    }

    /**
     * GETs a JSON document: null on 4xx when {@code optional} (try the next place), an error otherwise, and always
     * an error on 5xx or a body that is not a JSON object.
     */
    private JSONObject fetchJson(URI uri, String what, boolean optional) {
        HTTPResponse response = http.get(uri, "application/json", what);
        int status = response.getStatusCode();
        if (status >= 400 && status < 500 && optional) {
            LOG.debug("No {} at {} (HTTP {})", what, uri, status);
            return null;
        }
        if (status != 200) {
            throw new OAuthException("The " + what + " at " + uri + " answered HTTP " + status
                    + (status >= 500 ? "; the server has a problem, try again later" : "; check the server URL"));
        }
        try {
            return JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (ParseException e) {
            throw new OAuthException("The " + what + " at " + uri + " is not a JSON object; check the server URL or tell its operator", e);
        }
    }

    static String trimSlash(String text) {
        if (text == null) {
            return "";
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
