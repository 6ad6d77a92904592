package dev.statsigjdbc.emulator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.EmulatorConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * A real embedded Tomcat on 127.0.0.1 with the auth module installed and, at {@code /v1/mcp}, a
 * stand-in for the MCP servlet that answers with the caller's principal as JSON.
 */
final class AuthTestServer implements AutoCloseable {
  /** Tomcat's start/stop chatter would bury the test output; keep its warnings. */
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  static {
    TOMCAT_LOG.setLevel(Level.WARNING);
  }

  private final Tomcat tomcat = new Tomcat();
  private final AtomicReference<URI> base = new AtomicReference<>();
  private final AuthModule module;

  AuthTestServer(EmulatorConfig config) throws IOException, LifecycleException {
    module = new AuthModule(config, base::get);
    tomcat.setBaseDir(Files.createTempDirectory("auth-test-tomcat").toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    StandardContext context = (StandardContext) tomcat.addContext("", null);
    context.setClearReferencesThreadLocals(false);
    context.setClearReferencesRmiTargets(false);
    module.install(context);
    Tomcat.addServlet(context, "mcp-stand-in", new PrincipalEchoServlet());
    context.addServletMappingDecoded(AuthModule.MCP_PATH, "mcp-stand-in");
    tomcat.start();
    base.set(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
  }

  URI base() {
    return base.get();
  }

  URI resource() {
    return base().resolve(AuthModule.MCP_PATH);
  }

  AuthModule module() {
    return module;
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }

  /** Answers every method with the principal the auth filter set. */
  private static final class PrincipalEchoServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Principal principal = (Principal) request.getAttribute(Principal.REQUEST_ATTRIBUTE);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("subject", principal.subject());
      body.put("canWrite", principal.canWrite());
      body.put("via", principal.via());
      body.put("method", request.getMethod());
      response.setContentType("application/json");
      JSON.writeValue(response.getWriter(), body);
    }
  }
}
