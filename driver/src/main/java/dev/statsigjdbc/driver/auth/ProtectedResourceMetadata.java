package dev.statsigjdbc.driver.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.net.URI;
import java.util.List;
import net.minidev.json.JSONObject;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728): the fields an MCP client needs. Nimbus has no class for it.
 *
 * @param resource             the resource identifier, kept verbatim (it is sent as RFC 8707 {@code resource})
 * @param authorizationServers issuer identifiers, first preferred
 * @param scopesSupported      may be empty
 */
public record ProtectedResourceMetadata(String resource, List<URI> authorizationServers, List<String> scopesSupported) {

    static ProtectedResourceMetadata parse(JSONObject json, URI from) {
        try {
            String resource = JSONObjectUtils.getString(json, "resource", null);
            if (resource == null || resource.isBlank()) {
                throw new OAuthException("The protected resource metadata at " + from + " has no \"resource\"; the MCP server is misconfigured, tell its operator");
            }
            List<URI> servers = JSONObjectUtils.containsKey(json, "authorization_servers")
                    ? JSONObjectUtils.getStringList(json, "authorization_servers").stream().map(URI::create).toList()
                    : List.of();
            if (servers.isEmpty()) {
                throw new OAuthException("The protected resource metadata at " + from + " names no \"authorization_servers\"; the MCP server is misconfigured, tell its operator");
            }
            List<String> scopes = JSONObjectUtils.containsKey(json, "scopes_supported")
                    ? JSONObjectUtils.getStringList(json, "scopes_supported") : List.of();
            return new ProtectedResourceMetadata(resource, servers, scopes);
        } catch (ParseException | IllegalArgumentException e) {
            throw new OAuthException("The protected resource metadata at " + from + " is malformed (" + e.getMessage() + "); tell the MCP server's operator", e);
        }
    }

    /**
     * RFC 9728 section 3.3 / MCP: the metadata must describe the server we talk to. Same origin, and the
     * server's path must lie under the resource's path; trailing slashes are ignored for that comparison only.
     */
    void checkDescribes(URI server, URI from) {
        if (!covers(resource, server)) {
            throw new OAuthException("The protected resource metadata at " + from + " describes the resource " + resource
                    + ", not the MCP server " + server + "; refusing to send credentials for another resource. Check the server URL");
        }
    }

    /**
     * Whether a token for {@code resource} may be sent to the MCP server {@code server}: same origin, and the
     * server's path under the resource's. So a token for {@code /v1/mcp} is never sent to {@code /v3/mcp}.
     */
    static boolean covers(String resource, URI server) {
        URI declared = URI.create(resource);
        return origin(declared).equalsIgnoreCase(origin(server))
                && withSlash(server.getRawPath()).startsWith(withSlash(declared.getRawPath()));
    }

    static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    private static String withSlash(String path) {
        String p = path == null ? "" : path;
        return p.endsWith("/") ? p : p + "/";
    }
}
