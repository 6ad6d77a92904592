package dev.statsigjdbc.emulator.auth;

import static dev.statsigjdbc.emulator.ServletWiring.addFilter;
import static dev.statsigjdbc.emulator.ServletWiring.addServlet;

import dev.statsigjdbc.emulator.EmulatorConfig;
import com.nimbusds.oauth2.sdk.GrantType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.catalina.Context;
import org.apache.catalina.filters.CorsFilter;

/**
 * The emulator's authentication: an OAuth 2.1 authorization server for MCP clients (RFC 8414 and
 * RFC 9728 metadata, dynamic registration, consent page, PKCE, refresh rotation, revocation) and
 * Statsig's static {@code statsig-api-key}, together guarding {@code /v1/mcp} and {@code /v3/mcp}
 * (each its own protected resource).
 */
public final class AuthModule {
  /** Path of the V1 MCP endpoint. */
  public static final String MCP_PATH = "/v1/mcp";
  /** Path of the V3 MCP endpoint: a protected resource of its own, a V1 token is not accepted there. */
  public static final String V3_MCP_PATH = "/v3/mcp";
  /** Every MCP endpoint this module guards. */
  public static final List<String> MCP_PATHS = List.of(MCP_PATH, V3_MCP_PATH);

  private final EmulatorConfig config;
  private final Supplier<AuthUrls> urls;
  private final ScopePolicy scopes;
  private final ClientRegistry clients;
  private final TokenStore tokens;
  private final List<GrantType> grantTypes;

  /**
   * @param config the emulator's settings (token lifetime, auto-approve, API keys, requireAuth)
   * @param baseUrl the server's origin, e.g. {@code http://127.0.0.1:8787}, known once the port is bound
   */
  public AuthModule(EmulatorConfig config, Supplier<URI> baseUrl) {
    this.config = config;
    this.urls = () -> new AuthUrls(baseUrl.get());
    this.scopes = new ScopePolicy(config.oauthScopes());
    this.clients = new ClientRegistry(config.clock());
    this.tokens = new TokenStore(config.clock(), config.accessTokenTtl(),
        config.issueRefreshTokens() ? config.refreshTokenTtl() : null);
    this.grantTypes = config.issueRefreshTokens()
        ? ClientRegistry.GRANT_TYPES : List.of(GrantType.AUTHORIZATION_CODE);
  }

  /** Registers the OAuth endpoints and the MCP guard filter in the (not yet started) context. */
  public void install(Context context) {
    MetadataDocuments documents = new MetadataDocuments(scopes, grantTypes);
    JsonDocumentServlet serverMetadata = new JsonDocumentServlet(() -> documents.authorizationServer(urls.get()));
    ClientAuthenticator authenticator = new ClientAuthenticator(clients);

    addServlet(context, "auth-resource-metadata",
        new JsonDocumentServlet(() -> documents.protectedResource(urls.get(), MCP_PATH)),
        AuthUrls.PRM_PATH, AuthUrls.PRM_ROOT_PATH);
    addServlet(context, "auth-resource-metadata-v3",
        new JsonDocumentServlet(() -> documents.protectedResource(urls.get(), V3_MCP_PATH)), AuthUrls.V3_PRM_PATH);
    addServlet(context, "auth-server-metadata", serverMetadata, AuthUrls.AS_METADATA_PATH, AuthUrls.OIDC_DISCOVERY_PATH);
    addServlet(context, "auth-register", new RegistrationServlet(clients), AuthUrls.REGISTER_PATH);
    addServlet(context, "auth-authorize", new AuthorizationServlet(clients, new ConsentRequests(config.clock()), tokens,
        scopes, urls, config.autoApprove()), AuthUrls.AUTHORIZE_PATH);
    addServlet(context, "auth-token", new TokenServlet(authenticator, tokens, urls, grantTypes), AuthUrls.TOKEN_PATH);
    addServlet(context, "auth-revoke", new RevocationServlet(authenticator, tokens), AuthUrls.REVOKE_PATH);

    // Browser-based MCP clients discover, register and fetch tokens cross-origin.
    addFilter(context, "auth-cors", new CorsFilter(), Map.of(
            CorsFilter.PARAM_CORS_ALLOWED_ORIGINS, "*",
            CorsFilter.PARAM_CORS_ALLOWED_METHODS, "GET,POST,OPTIONS",
            CorsFilter.PARAM_CORS_ALLOWED_HEADERS, "Content-Type,Authorization,MCP-Protocol-Version",
            CorsFilter.PARAM_CORS_SUPPORT_CREDENTIALS, "false"),
        AuthUrls.PRM_PATH, AuthUrls.V3_PRM_PATH, AuthUrls.PRM_ROOT_PATH, AuthUrls.AS_METADATA_PATH,
        AuthUrls.OIDC_DISCOVERY_PATH, AuthUrls.REGISTER_PATH, AuthUrls.TOKEN_PATH, AuthUrls.REVOKE_PATH);

    ApiKeys apiKeys = new ApiKeys(config.apiKeys());
    for (String mcpPath : MCP_PATHS) {
      addFilter(context, "mcp-auth" + mcpPath.replace('/', '-'),
          new McpAuthFilter(tokens, apiKeys, scopes, urls, mcpPath, config.requireAuth()), Map.of(),
          mcpPath, mcpPath + "/*");
    }
  }

  /** Makes every issued access token expire now (fault injection: "token expires mid-query"). */
  public void expireAccessTokens() {
    tokens.expireAccessTokens();
  }

  /** Revokes every refresh token (fault injection: "revoked refresh token"). */
  public void revokeRefreshTokens() {
    tokens.revokeRefreshTokens();
  }

  /** Access tokens that would be accepted now (for tests and the emulator's status output). */
  public int liveAccessTokens() {
    return tokens.liveAccessTokens();
  }

  /** Clients registered through dynamic client registration so far. */
  public int registeredClients() {
    return clients.size();
  }

  /** Refresh tokens that could be exchanged now. */
  public int liveRefreshTokens() {
    return tokens.liveRefreshTokens();
  }
}
