package dev.statsigjdbc.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the language model is: an OpenAI-compatible base URL, the model name and the API key, read
 * from the environment. The key is never printed ({@link #toString()} leaves it out).
 */
public final class LlmSettings {
  public static final String BASE_URL = "STATSIG_SQL_LLM_BASE_URL";
  public static final String API_KEY = "STATSIG_SQL_LLM_API_KEY";
  public static final String MODEL = "STATSIG_SQL_LLM_MODEL";
  static final String DEFAULT_MODEL = "gpt-4o-mini";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final String apiKey;
  private final String model;
  private final Duration timeout;

  public LlmSettings(String baseUrl, String apiKey, String model, Duration timeout) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.model = model;
    this.timeout = timeout;
  }

  /** Settings when {@value #BASE_URL} is set; it then needs {@value #API_KEY} too. */
  public static Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
    String baseUrl = env.get(BASE_URL);
    if (baseUrl == null || baseUrl.isBlank()) {
      return Optional.empty();
    }
    String key = env.get(API_KEY);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException(BASE_URL + " is set but " + API_KEY + " is not: set the model's API key in "
          + API_KEY + ".");
    }
    return Optional.of(new LlmSettings(baseUrl, key, env.getOrDefault(MODEL, DEFAULT_MODEL), DEFAULT_TIMEOUT));
  }

  public LlmSettings timeout(Duration newTimeout) {
    return new LlmSettings(baseUrl, apiKey, model, newTimeout);
  }

  /** The chat model; no retries inside it, the planner decides what a failure means. */
  public ChatModel chatModel() {
    return OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName(model).temperature(0.0)
        .timeout(timeout).maxRetries(0).build();
  }

  @Override
  public String toString() {
    return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", apiKey=(hidden)]";
  }
}
