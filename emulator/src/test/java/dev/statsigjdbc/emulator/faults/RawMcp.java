package dev.statsigjdbc.emulator.faults;

import dev.statsigjdbc.emulator.EmulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON-RPC over plain java.net.http, to see status codes and headers the SDK client hides. */
final class RawMcp {
  static final String INITIALIZE = """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
       "capabilities":{},"clientInfo":{"name":"raw-test","version":"1"}}}""";
  static final String INITIALIZED = """
      {"jsonrpc":"2.0","method":"notifications/initialized"}""";
  static final String LIST_TOOLS = """
      {"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final EmulatorServer server;

  RawMcp(EmulatorServer server) {
    this.server = server;
  }

  HttpResponse<String> post(String body, String sessionId) throws IOException, InterruptedException {
    return post(body, sessionId, HttpResponse.BodyHandlers.ofString());
  }

  /** The response's bytes as they came, for checks a decoded string would hide. */
  HttpResponse<byte[]> postForBytes(String body, String sessionId) throws IOException, InterruptedException {
    return post(body, sessionId, HttpResponse.BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> post(String body, String sessionId, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.mcpUrl()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (sessionId != null) {
      request.header(FaultFilter.SESSION_HEADER, sessionId);
    }
    return http.send(request.build(), handler);
  }

  /** Opens a session the raw way and returns its id. */
  String openSession() throws IOException, InterruptedException {
    HttpResponse<String> init = post(INITIALIZE, null);
    String session = init.headers().firstValue(FaultFilter.SESSION_HEADER).orElseThrow();
    post(INITIALIZED, session);
    return session;
  }
}
