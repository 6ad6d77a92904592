package dev.statsigjdbc.emulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.emulator.faults.FaultCommand;
import dev.statsigjdbc.emulator.faults.Faults;
import dev.statsigjdbc.emulator.mcp.ToolCallStats;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

/**
 * Loopback-only control of a running emulator, for benchmarks and scripts in other processes:
 * {@code GET/POST /admin/faults}, {@code GET /admin/stats}, {@code POST /admin/reset}.
 * Unauthenticated on purpose; the server binds 127.0.0.1 and this servlet also refuses other peers.
 */
final class AdminServlet extends HttpServlet {
  static final String PATH = "/admin";

  private final Faults faults;
  private final ToolCallStats stats;
  private final ObjectMapper mapper;

  AdminServlet(Faults faults, ToolCallStats stats, ObjectMapper mapper) {
    this.faults = faults;
    this.stats = stats;
    this.mapper = mapper;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
      send(response, 403, Map.of("message", "the admin endpoints answer loopback callers only"));
      return;
    }
    String route = request.getMethod() + " " + request.getPathInfo();
    switch (route) {
      case "GET /faults" -> send(response, 200, faults.settings());
      case "POST /faults" -> setFaults(request, response);
      case "GET /stats" -> send(response, 200, Map.of("toolCalls", stats.snapshot(), "faults", faults.injected()));
      case "POST /reset" -> {
        stats.reset();
        faults.reset();
        send(response, 200, Map.of("message", "tool call counts and faults reset"));
      }
      default -> send(response, 404, Map.of("message",
          "unknown admin route " + route + "; use GET/POST /admin/faults, GET /admin/stats, POST /admin/reset"));
    }
  }

  private void setFaults(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      mapper.readValue(request.getInputStream(), FaultCommand.class).applyTo(faults);
      send(response, 200, faults.settings());
    } catch (JacksonException | IllegalArgumentException e) {
      send(response, 400, Map.of("message", "bad fault settings: " + e.getMessage()));
    }
  }

  private void send(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    mapper.writeValue(response.getOutputStream(), body);
  }
}
