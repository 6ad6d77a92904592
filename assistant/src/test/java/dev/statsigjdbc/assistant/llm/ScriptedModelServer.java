package dev.statsigjdbc.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A language model server on 127.0.0.1 that speaks the chat wire of OpenAI
 * ({@code POST /v1/chat/completions}), Anthropic ({@code POST /v1/messages}) and Ollama
 * ({@code POST /api/chat}), answering each request with the next scripted reply text. It checks
 * what the real services check (the model, the messages, Anthropic's key, version and token
 * limit) and answers 400 otherwise, and it records every request for the test to read.
 */
public final class ScriptedModelServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as received: the path, the headers that matter for authentication, and the JSON body. */
  public record Received(String path, String authorization, String apiKeyHeader, String anthropicVersion, JsonNode body) {
    /** Every message's text, the system prompt included, as one string. */
    public String conversation() {
      StringBuilder text = new StringBuilder();
      body.path("system").forEach(s -> text.append(s.path("text").asText()).append('\n'));
      if (body.path("system").isTextual()) {
        text.append(body.path("system").asText()).append('\n');
      }
      for (JsonNode message : body.path("messages")) {
        JsonNode content = message.path("content");
        if (content.isTextual()) {
          text.append(content.asText()).append('\n');
        } else {
          content.forEach(part -> text.append(part.path("text").asText()).append('\n'));
        }
      }
      return text.toString();
    }
  }

  private final HttpServer server;
  private final Deque<String> replies = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();

  private ScriptedModelServer(HttpServer server) {
    this.server = server;
  }

  public static ScriptedModelServer start() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ScriptedModelServer scripted = new ScriptedModelServer(http);
      http.createContext("/v1/chat/completions", e -> scripted.handle(e, LlmProvider.OPENAI));
      http.createContext("/v1/messages", e -> scripted.handle(e, LlmProvider.ANTHROPIC));
      http.createContext("/api/chat", e -> scripted.handle(e, LlmProvider.OLLAMA));
      http.start();
      return scripted;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL a client of {@code provider} is configured with. */
  public String baseUrl(LlmProvider provider) {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return provider == LlmProvider.OLLAMA ? root : root + "/v1";
  }

  /** Replies given in order, one per request. */
  public synchronized ScriptedModelServer reply(String... texts) {
    replies.addAll(List.of(texts));
    return this;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange, LlmProvider provider) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      var headers = exchange.getRequestHeaders();
      String reply;
      synchronized (this) {
        received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("Authorization"),
            headers.getFirst("x-api-key"), headers.getFirst("anthropic-version"), body));
        reply = replies.poll();
      }
      String invalid = invalid(provider, body, exchange);
      if (invalid != null) {
        send(exchange, 400, JSON.createObjectNode().put("error", invalid));
      } else if (reply == null) {
        send(exchange, 500, JSON.createObjectNode().put("error", "no scripted reply left"));
      } else {
        send(exchange, 200, response(provider, body.path("model").asText(), reply));
      }
    }
  }

  /** What the real service would refuse, or null. */
  private static String invalid(LlmProvider provider, JsonNode body, HttpExchange exchange) {
    if (!"POST".equals(exchange.getRequestMethod()) || !body.path("model").isTextual()
        || !body.path("messages").isArray() || body.path("messages").isEmpty()) {
      return "a POST with a model and messages is required";
    }
    if (provider == LlmProvider.ANTHROPIC && (exchange.getRequestHeaders().getFirst("x-api-key") == null
        || exchange.getRequestHeaders().getFirst("anthropic-version") == null || !body.path("max_tokens").isInt())) {
      return "x-api-key, anthropic-version and max_tokens are required";
    }
    if (provider == LlmProvider.OLLAMA && body.path("stream").asBoolean(true)) {
      return "this server only answers stream=false";
    }
    return null;
  }

  private static ObjectNode response(LlmProvider provider, String model, String text) {
    ObjectNode r = JSON.createObjectNode();
    switch (provider) {
      case OPENAI -> {
        r.put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 1764050000L).put("model", model);
        ObjectNode choice = r.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        r.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
      }
      case ANTHROPIC -> {
        r.put("id", "msg_scripted").put("type", "message").put("role", "assistant").put("model", model)
            .put("stop_reason", "end_turn").putNull("stop_sequence");
        r.putArray("content").addObject().put("type", "text").put("text", text);
        r.putObject("usage").put("input_tokens", 1).put("output_tokens", 1);
      }
      case OLLAMA -> {
        r.put("model", model).put("created_at", "2026-11-25T00:00:00Z").put("done", true).put("done_reason", "stop")
            .put("prompt_eval_count", 1).put("eval_count", 1);
        r.putObject("message").put("role", "assistant").put("content", text);
      }
    }
    return r;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Environment variables that point the LLM planner at this server as {@code provider}. */
  public Map<String, String> environment(LlmProvider provider, String key) {
    return key == null
        ? Map.of(LlmSettings.PROVIDER, provider.label(), LlmSettings.BASE_URL, baseUrl(provider))
        : Map.of(LlmSettings.PROVIDER, provider.label(), LlmSettings.BASE_URL, baseUrl(provider), LlmSettings.API_KEY, key);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
