package dev.statsigjdbc.emulator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guards one MCP endpoint (every method): accepts a live OAuth bearer token for its resource or a
 * configured {@code statsig-api-key}, and sets the caller's {@link Principal} on the request.
 * Everything else gets 401 with the RFC 9728 {@code resource_metadata} challenge, so that an MCP
 * client can discover how to sign in.
 */
final class McpAuthFilter extends HttpFilter {
  static final Principal ANONYMOUS = new Principal("anonymous", true, "none");
  private static final Pattern BEARER = Pattern.compile("^Bearer +([A-Za-z0-9\\-._~+/]+=*) *$", Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient TokenStore tokens;
  private final transient ApiKeys apiKeys;
  private final transient ScopePolicy scopes;
  private final transient Supplier<AuthUrls> urls;
  private final String mcpPath;
  private final boolean requireAuth;

  /** @param mcpPath the guarded endpoint: only tokens issued for its resource are accepted */
  McpAuthFilter(TokenStore tokens, ApiKeys apiKeys, ScopePolicy scopes, Supplier<AuthUrls> urls, String mcpPath,
      boolean requireAuth) {
    this.tokens = tokens;
    this.apiKeys = apiKeys;
    this.scopes = scopes;
    this.urls = urls;
    this.mcpPath = mcpPath;
    this.requireAuth = requireAuth;
  }

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!requireAuth) {
      accept(ANONYMOUS, request, response, chain);
      return;
    }
    String apiKey = request.getHeader(ApiKeys.HEADER);
    if (apiKey != null) {
      Optional<Principal> principal = apiKeys.find(apiKey);
      if (principal.isPresent()) {
        accept(principal.get(), request, response, chain);
      } else {
        refuse(response, null, "The statsig-api-key header holds a key this server does not know. Use a Console API"
            + " key configured for the emulator, or remove the header to sign in with OAuth.");
      }
      return;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      refuse(response, null, "Authentication required: sign in with OAuth (see the WWW-Authenticate header)"
          + " or send a statsig-api-key header.");
      return;
    }
    Matcher bearer = BEARER.matcher(authorization);
    Optional<Principal> principal = bearer.matches() ? oauthPrincipal(bearer.group(1)) : Optional.empty();
    if (principal.isPresent()) {
      accept(principal.get(), request, response, chain);
    } else {
      refuse(response, "invalid_token",
          "The access token is invalid, expired or revoked: refresh it or sign in again.");
    }
  }

  private Optional<Principal> oauthPrincipal(String accessToken) {
    return tokens.findAccessToken(accessToken)
        .filter(grant -> grant.resource().equals(urls.get().resource(mcpPath)))
        .map(grant -> new Principal(grant.subject(), scopes.canWrite(grant.scope()), "oauth"));
  }

  private static void accept(Principal principal, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    request.setAttribute(Principal.REQUEST_ATTRIBUTE, principal);
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletResponse response, String error, String message) throws IOException {
    StringBuilder challenge = new StringBuilder("Bearer resource_metadata=\"")
        .append(urls.get().resourceMetadata(mcpPath)).append('"');
    if (scopes.inUse()) {
      challenge.append(", scope=\"").append(scopes.defaultScope()).append('"');
    }
    if (error != null) {
      challenge.append(", error=\"").append(error).append("\", error_description=\"").append(message).append('"');
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", challenge.toString());
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", HttpServletResponse.SC_UNAUTHORIZED);
    body.put("message", message);
    JSON.writeValue(response.getWriter(), body);
  }
}
