package dev.statsigjdbc.emulator;

import dev.statsigjdbc.emulator.auth.Principal;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One MCP endpoint served by two MCP servers: callers who may write reach the one publishing
 * every tool, read-only callers the one without write tools. A caller always reaches the same
 * server, so its session stays valid.
 */
final class ByCallerServlet extends HttpServlet {
  private final transient HttpServlet writers;
  private final transient HttpServlet readers;

  ByCallerServlet(HttpServlet writers, HttpServlet readers) {
    this.writers = writers;
    this.readers = readers;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    Principal caller = (Principal) request.getAttribute(Principal.REQUEST_ATTRIBUTE);
    (caller == null || caller.canWrite() ? writers : readers).service(request, response);
  }
}
