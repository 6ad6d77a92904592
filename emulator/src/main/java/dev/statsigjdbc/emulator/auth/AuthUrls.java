package dev.statsigjdbc.emulator.auth;

import java.net.URI;
import java.util.List;

/** The paths this module serves and the absolute URLs built from the server's origin. */
record AuthUrls(URI base) {
  static final String PRM_ROOT_PATH = "/.well-known/oauth-protected-resource";
  static final String PRM_PATH = PRM_ROOT_PATH + AuthModule.MCP_PATH;
  static final String V3_PRM_PATH = PRM_ROOT_PATH + AuthModule.V3_MCP_PATH;
  static final String AS_METADATA_PATH = "/.well-known/oauth-authorization-server";
  static final String OIDC_DISCOVERY_PATH = "/.well-known/openid-configuration";
  static final String AUTHORIZE_PATH = "/oauth/authorize";
  static final String TOKEN_PATH = "/oauth/token";
  static final String REGISTER_PATH = "/oauth/register";
  static final String REVOKE_PATH = "/oauth/revoke";

  /** The issuer: the origin without a trailing slash, as RFC 8414 clients compare it. */
  URI issuer() {
    return at("");
  }

  /** The V1 protected resource (RFC 8707 / RFC 9728): the MCP endpoint, no trailing slash. */
  URI resource() {
    return resource(AuthModule.MCP_PATH);
  }

  /** The protected resource of the MCP endpoint at {@code mcpPath}: each endpoint is a resource of its own. */
  URI resource(String mcpPath) {
    return at(mcpPath);
  }

  /** Every protected resource a token may be issued for. */
  List<URI> resources() {
    return AuthModule.MCP_PATHS.stream().map(this::resource).toList();
  }

  /** The RFC 9728 metadata document of the MCP endpoint at {@code mcpPath}. */
  URI resourceMetadata(String mcpPath) {
    return at(PRM_ROOT_PATH + mcpPath);
  }

  URI authorizationEndpoint() {
    return at(AUTHORIZE_PATH);
  }

  URI tokenEndpoint() {
    return at(TOKEN_PATH);
  }

  URI registrationEndpoint() {
    return at(REGISTER_PATH);
  }

  URI revocationEndpoint() {
    return at(REVOKE_PATH);
  }

  private URI at(String path) {
    String origin = base.toString().replaceAll("/+$", "");
    return URI.create(origin + path);
  }
}
