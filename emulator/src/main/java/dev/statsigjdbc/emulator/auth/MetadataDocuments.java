package dev.statsigjdbc.emulator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import java.util.List;

/** The discovery documents: RFC 8414 authorization server metadata and RFC 9728 resource metadata. */
final class MetadataDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScopePolicy scopes;
  private final List<GrantType> grantTypes;

  MetadataDocuments(ScopePolicy scopes, List<GrantType> grantTypes) {
    this.scopes = scopes;
    this.grantTypes = List.copyOf(grantTypes);
  }

  String authorizationServer(AuthUrls urls) {
    AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(urls.issuer()));
    metadata.setAuthorizationEndpointURI(urls.authorizationEndpoint());
    metadata.setTokenEndpointURI(urls.tokenEndpoint());
    metadata.setRegistrationEndpointURI(urls.registrationEndpoint());
    metadata.setRevocationEndpointURI(urls.revocationEndpoint());
    metadata.setResponseTypes(List.of(ResponseType.CODE));
    metadata.setGrantTypes(grantTypes);
    metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
    metadata.setTokenEndpointAuthMethods(ClientRegistry.AUTH_METHODS);
    metadata.setRevocationEndpointAuthMethods(ClientRegistry.AUTH_METHODS);
    metadata.setSupportsAuthorizationResponseIssuerParam(true);
    if (scopes.inUse()) {
      metadata.setScopes(scopes.supportedScope());
    }
    return metadata.toJSONObject().toJSONString();
  }

  /** RFC 9728 has no Nimbus class: the few members MCP clients read, written with Jackson. */
  String protectedResource(AuthUrls urls, String mcpPath) {
    ObjectNode document = JSON.createObjectNode();
    document.put("resource", urls.resource(mcpPath).toString());
    document.putArray("authorization_servers").add(urls.issuer().toString());
    if (scopes.inUse()) {
      scopes.supported().forEach(document.putArray("scopes_supported")::add);
    }
    document.putArray("bearer_methods_supported").add("header");
    document.put("resource_name", "Statsig emulator MCP server");
    return document.toString();
  }
}
