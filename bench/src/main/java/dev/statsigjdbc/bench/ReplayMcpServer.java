package dev.statsigjdbc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An MCP endpoint that answers from memory: the {@code initialize} and {@code tools/list}
 * results, and each {@code tools/call} result recorded once per (arguments without the page
 * number, page number modulo {@link #DISTINCT_PAGES}) from the real emulator and replayed as
 * bytes. Figure 5 reads through it to measure the driver alone: no server builds a page while
 * the scan runs. Every replayed page carries the full list's total, so a scan reads as many
 * pages as against the real server.
 */
final class ReplayMcpServer implements AutoCloseable {
  static final int DISTINCT_PAGES = 8;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION = "replay-session";

  private final HttpServer http;
  private final String initializeResult;
  private final String toolsResult;
  private final Function<JsonNode, String> record;
  private final Map<String, byte[]> recordedCalls = new ConcurrentHashMap<>();

  /**
   * @param record calls the real server with a tool call's {@code params} and returns the call result as JSON text
   */
  ReplayMcpServer(String initializeResult, String toolsResult, Function<JsonNode, String> record) throws IOException {
    this.initializeResult = initializeResult;
    this.toolsResult = toolsResult;
    this.record = record;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
      Thread thread = new Thread(runnable, "replay-mcp");
      thread.setDaemon(true);
      return thread;
    }));
    http.createContext("/v1/mcp", this::handle);
    http.start();
  }

  String mcpUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1/mcp";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(exchange.getRequestMethod().equals("DELETE") ? 200 : 405, -1);
        return;
      }
      JsonNode request;
      try (InputStream in = exchange.getRequestBody()) {
        request = JSON.readTree(in);
      }
      if (!request.has("id")) {
        exchange.sendResponseHeaders(202, -1);
        return;
      }
      String result = switch (request.path("method").asText()) {
        case "initialize" -> initializeResult;
        case "tools/list" -> toolsResult;
        case "tools/call" -> null;
        default -> "{}";
      };
      byte[] body = result != null ? envelope(request.get("id"), result.getBytes(StandardCharsets.UTF_8)) : call(request);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Mcp-Session-Id", SESSION);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private byte[] call(JsonNode request) {
    ObjectNode params = (ObjectNode) request.path("params").deepCopy();
    JsonNode arguments = params.path("arguments").path("params");
    int page = arguments.path("query_page").asInt(1);
    ObjectNode key = params.deepCopy();
    ((ObjectNode) key.path("arguments").path("params")).put("query_page", (page - 1) % DISTINCT_PAGES + 1);
    byte[] recorded = recordedCalls.computeIfAbsent(key.toString(),
        k -> record.apply(key).getBytes(StandardCharsets.UTF_8));
    return envelope(request.get("id"), recorded);
  }

  private static byte[] envelope(JsonNode id, byte[] result) {
    byte[] head = ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + result.length + 1];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(result, 0, out, head.length, result.length);
    out[out.length - 1] = '}';
    return out;
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
