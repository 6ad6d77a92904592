package dev.statsigjdbc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.answer.ChartSpec;
import dev.statsigjdbc.assistant.chart.VegaLiteRenderer;
import dev.statsigjdbc.assistant.dashboard.Dashboard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * The assistant over HTTP: the chat page at {@code /}, its Vega scripts under {@code /vega/},
 * {@code POST /api/ask}, {@code /api/chart} and {@code /api/pin}, and dashboards at
 * {@code /dashboards/<name>}. Requests for other paths are left to Avatica.
 */
final class ServeWebHandler extends AbstractHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> VEGA_SCRIPTS = Set.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js");
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final String JSON_TYPE = "application/json";

  private final ServeAssistant assistant;
  private final VegaLiteRenderer vegaLite = new VegaLiteRenderer();
  private final byte[] chatPage = resource("/dev/statsigjdbc/cli/chat.html");

  ServeWebHandler(ServeAssistant assistant) {
    this.assistant = assistant;
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean get = "GET".equals(request.getMethod());
    boolean post = "POST".equals(request.getMethod());
    if (get && target.equals("/")) {
      send(response, 200, "text/html", chatPage);
    } else if (get && target.startsWith("/vega/") && VEGA_SCRIPTS.contains(target.substring("/vega/".length()))) {
      send(response, 200, "text/javascript", resource("/third-party/vega/" + target.substring("/vega/".length())));
    } else if (get && target.startsWith("/dashboards/")) {
      dashboard(target.substring("/dashboards/".length()), response);
    } else if (post && target.startsWith("/api/")) {
      api(target, request, response);
    } else if (target.startsWith("/api/") || target.startsWith("/dashboards/") || target.startsWith("/vega/")) {
      error(response, 404, "No such page: " + request.getMethod() + " " + target
          + ". The API is POST /api/ask, /api/chart, /api/pin; dashboards are GET /dashboards/<name>.");
    } else {
      return; // Avatica's
    }
    base.setHandled(true);
  }

  private void dashboard(String name, HttpServletResponse response) throws IOException {
    try {
      send(response, 200, "text/html", assistant.dashboardPage(name).getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException missingOrBadName) {
      error(response, 404, missingOrBadName.getMessage());
    } catch (IOException unreadableOrUnwritable) {
      // The store's messages name the file and what to do with it.
      error(response, 500, unreadableOrUnwritable.getMessage());
    }
  }

  private void api(String target, HttpServletRequest request, HttpServletResponse response) throws IOException {
    // JSON only: a page on another site cannot send it to this server without the browser asking first (CORS).
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith(JSON_TYPE)) {
      error(response, 415, "Send the request body as JSON with Content-Type: " + JSON_TYPE);
      return;
    }
    try {
      JsonNode body = readBody(request);
      switch (target) {
        case "/api/ask" -> sendJson(response, 200, assistant.ask(text(body, "question")));
        case "/api/chart" -> sendJson(response, 200, vegaLite.render(JSON.treeToValue(body, ChartSpec.class))
            .map(JsonNode.class::cast).orElse(JSON.nullNode()));
        case "/api/pin" -> {
          String name = text(body, "dashboard");
          Dashboard pinned = assistant.pin(name, text(body, "question"));
          ObjectNode result = JSON.createObjectNode().put("dashboard", name).put("pins", pinned.pins().size())
              .put("url", "dashboards/" + name);
          sendJson(response, 200, result);
        }
        default -> error(response, 404, "No such API: POST " + target + ". Use /api/ask, /api/chart or /api/pin.");
      }
    } catch (JsonProcessingException e) {
      error(response, 400, "The request body is not the JSON expected: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      error(response, 400, e.getMessage());
    } catch (SQLException e) {
      // The driver's messages say what to do (sign in again, the server is unreachable, ...).
      error(response, 502, e.getMessage());
    } catch (IOException e) {
      // Pinning could not write the dashboard file; the message names it.
      error(response, 500, e.getMessage());
    }
  }

  private static JsonNode readBody(HttpServletRequest request) throws IOException {
    byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }
    JsonNode body = JSON.readTree(bytes);
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("The request body must be one JSON object.");
    }
    return body;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("The request needs \"" + field + "\" as a non-empty string, e.g. "
          + "{\"question\": \"What is the exposure split on the new-onboarding gate?\", \"dashboard\": \"weekly\"}");
    }
    return value.asText();
  }

  private static void error(HttpServletResponse response, int status, String message) throws IOException {
    sendJson(response, status, JSON.createObjectNode().put("error", message));
  }

  private static void sendJson(HttpServletResponse response, int status, JsonNode json) throws IOException {
    send(response, status, JSON_TYPE, JSON.writeValueAsBytes(json));
  }

  private static void send(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
    response.setStatus(status);
    response.setContentType(type + "; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static byte[] resource(String path) {
    try (InputStream in = ServeWebHandler.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path (statsig-sql jar)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
