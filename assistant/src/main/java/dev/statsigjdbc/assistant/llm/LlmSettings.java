package dev.statsigjdbc.assistant.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Which language model the LLM planner asks: the provider, its base URL, the model name and the
 * API key. Read from the environment ({@value #PROVIDER}, {@value #BASE_URL}, {@value #MODEL},
 * {@value #API_KEY}), each overridable by the caller (the CLI's flags). The key is only ever read
 * from an environment variable and never printed: {@link #toString()} and every error leave it out.
 */
public final class LlmSettings {
  public static final String PROVIDER = "STATSIG_SQL_LLM_PROVIDER";
  public static final String BASE_URL = "STATSIG_SQL_LLM_BASE_URL";
  public static final String API_KEY = "STATSIG_SQL_LLM_API_KEY";
  public static final String MODEL = "STATSIG_SQL_LLM_MODEL";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** Enough for one SELECT; Anthropic requires a limit. */
  private static final int MAX_REPLY_TOKENS = 1024;

  private final LlmProvider provider;
  private final String baseUrl;
  private final String apiKey;
  private final String model;
  private final Duration timeout;

  public LlmSettings(LlmProvider provider, String baseUrl, String apiKey, String model, Duration timeout) {
    this.provider = provider;
    this.baseUrl = checkUrl(baseUrl);
    this.apiKey = apiKey;
    this.model = model;
    this.timeout = timeout;
  }

  /** What the caller chose; null fields fall back to the environment, then to the provider's defaults. */
  public record Choice(String provider, String baseUrl, String model, String apiKeyVariable) {
    public static final Choice NONE = new Choice(null, null, null, null);
  }

  /** Settings when {@value #PROVIDER} or {@value #BASE_URL} is set; empty when neither is. */
  public static Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
    return blank(env.get(PROVIDER)) && blank(env.get(BASE_URL)) ? Optional.empty()
        : Optional.of(of(env, Choice.NONE));
  }

  /** Settings from the caller's choice over the environment. */
  public static LlmSettings of(Map<String, String> env, Choice choice) {
    LlmProvider provider = LlmProvider.of(first(choice.provider(), env.get(PROVIDER), LlmProvider.OPENAI.label()));
    String keyVariable = first(choice.apiKeyVariable(), API_KEY);
    String key = env.get(keyVariable);
    if (provider.needsKey() && blank(key)) {
      throw new IllegalArgumentException("The " + provider.label() + " language model needs an API key: set it in the"
          + " environment variable " + keyVariable + " (it is never read from the command line).");
    }
    return new LlmSettings(provider, first(choice.baseUrl(), env.get(BASE_URL), provider.defaultBaseUrl()),
        blank(key) ? null : key, first(choice.model(), env.get(MODEL), provider.defaultModel()), DEFAULT_TIMEOUT);
  }

  public LlmSettings timeout(Duration newTimeout) {
    return new LlmSettings(provider, baseUrl, apiKey, model, newTimeout);
  }

  public LlmProvider provider() {
    return provider;
  }

  /** The chat model; temperature 0 and no retries inside it: the planner decides what a failure means. */
  public ChatModel chatModel() {
    return switch (provider) {
      case OPENAI -> OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model).temperature(0.0)
          .timeout(timeout).maxRetries(0).build();
      case ANTHROPIC -> AnthropicChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model).temperature(0.0)
          .maxTokens(MAX_REPLY_TOKENS).timeout(timeout).maxRetries(0).build();
      case OLLAMA -> OllamaChatModel.builder().maxRetries(0).baseUrl(baseUrl).modelName(model).temperature(0.0)
          .timeout(timeout).customHeaders(apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey))
          .build();
    };
  }

  @Override
  public String toString() {
    return "LlmSettings[provider=" + provider.label() + ", baseUrl=" + baseUrl + ", model=" + model + ", timeout="
        + timeout + ", apiKey=" + (apiKey == null ? "(none)" : "(hidden)") + "]";
  }

  /** An http(s) URL without user info: a key in a URL would end up in logs. */
  private static String checkUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The language model's base URL is not a URL; set e.g. https://api.openai.com/v1"
          + " in " + BASE_URL + ".", e);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("The language model's base URL must start with http:// or https:// and name"
          + " a host, e.g. https://api.openai.com/v1 (" + BASE_URL + ").");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("The language model's base URL must not carry a user or password; put the key"
          + " in " + API_KEY + ".");
    }
    return uri.toString();
  }

  private static String first(String... values) {
    for (String value : values) {
      if (!blank(value)) {
        return value.strip();
      }
    }
    return null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
