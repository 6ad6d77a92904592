package dev.statsigjdbc.cli;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaJsonHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Avatica's JSON protocol next to the protobuf one on the same port: a {@code POST} sent as
 * {@code Content-Type: application/json} is JSON (the Python client of the Superset plugin sends
 * it so); anything else goes on to the server's own serialization (Avatica's Java client sends
 * {@code application/octet-stream}). A page on another site cannot send that content type without
 * the browser asking first (CORS, which serve does not allow).
 */
final class ServeJsonProtocol extends HandlerWrapper {
  private static final String JSON_TYPE = "application/json";

  ServeJsonProtocol(Service service) {
    setHandler(new AvaticaJsonHandler(service));
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String type = request.getContentType();
    if ("POST".equals(request.getMethod()) && type != null && type.toLowerCase().startsWith(JSON_TYPE)) {
      super.handle(target, base, request, response);
    }
  }
}
