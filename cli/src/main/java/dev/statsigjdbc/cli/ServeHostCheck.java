package dev.statsigjdbc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Without a password, only requests addressed to this machine's loopback names are answered. A web
 * page could otherwise point a name of its own at 127.0.0.1 (DNS rebinding) and read the data
 * through the visitor's browser; such requests carry that name in their Host header.
 */
final class ServeHostCheck extends HandlerWrapper {
  private final Set<String> names;

  ServeHostCheck(Handler inner, String bind) {
    this.names = Stream.of("127.0.0.1", "localhost", "[::1]", "::1", bind.toLowerCase()).collect(Collectors.toSet());
    setHandler(inner);
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (names.contains(request.getServerName().toLowerCase())) {
      super.handle(target, base, request, response);
      return;
    }
    byte[] body = ("This server has no password, so it answers only requests addressed to 127.0.0.1 or localhost,"
        + " not " + request.getServerName() + ". Connect through one of those, or start serve with a password"
        + " (" + ServeCredentials.PASSWORD_ENV + " or --password-file).\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/plain; charset=utf-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    base.setHandled(true);
  }
}
