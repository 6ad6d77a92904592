package dev.statsigjdbc.emulator.auth;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Serves a public JSON document on GET. */
final class JsonDocumentServlet extends HttpServlet {
  private final transient Supplier<String> document;

  JsonDocumentServlet(Supplier<String> document) {
    this.document = document;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(document.get());
  }
}
