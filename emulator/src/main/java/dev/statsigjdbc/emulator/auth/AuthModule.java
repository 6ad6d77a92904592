package dev.statsigjdbc.emulator.auth;

import dev.statsigjdbc.emulator.EmulatorConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;
import org.apache.catalina.Context;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The emulator's authentication: OAuth 2.1 authorization server endpoints and the filter that
 * guards {@code /v1/mcp}. PLACEHOLDER until the auth work lands: lets every caller through as
 * an anonymous read-write principal.
 */
public final class AuthModule {
  /** Path of the MCP endpoint this module guards. */
  public static final String MCP_PATH = "/v1/mcp";

  private final EmulatorConfig config;
  private final Supplier<URI> baseUrl;

  /**
   * @param config the emulator's settings (token lifetime, auto-approve, API keys, requireAuth)
   * @param baseUrl the server's origin, e.g. {@code http://127.0.0.1:8787}, known once the port is bound
   */
  public AuthModule(EmulatorConfig config, Supplier<URI> baseUrl) {
    this.config = config;
    this.baseUrl = baseUrl;
  }

  /** Registers the OAuth endpoints and the MCP guard filter in the (not yet started) context. */
  public void install(Context context) {
    FilterDef def = new FilterDef();
    def.setFilterName("mcp-auth");
    def.setFilter(new Filter() {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        request.setAttribute(Principal.REQUEST_ATTRIBUTE, new Principal("anonymous", true, "none"));
        chain.doFilter(request, response);
      }
    });
    context.addFilterDef(def);
    FilterMap map = new FilterMap();
    map.setFilterName("mcp-auth");
    map.addURLPattern(MCP_PATH);
    map.addURLPattern(MCP_PATH + "/*");
    context.addFilterMap(map);
  }

  /** Makes every issued access token expire now (fault injection: "token expires mid-query"). */
  public void expireAccessTokens() {
  }

  /** Revokes every refresh token (fault injection: "revoked refresh token"). */
  public void revokeRefreshTokens() {
  }
}
