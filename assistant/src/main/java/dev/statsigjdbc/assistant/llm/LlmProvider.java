package dev.statsigjdbc.assistant.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of model endpoint the LLM planner speaks to, with what each assumes when not told. */
public enum LlmProvider {
  /** Any endpoint speaking OpenAI's chat completions (OpenAI, Azure OpenAI, vLLM, llama.cpp, LiteLLM...). */
  OPENAI("https://api.openai.com/v1", "gpt-4o-mini", true),
  /** Anthropic's Messages API. */
  ANTHROPIC("https://api.anthropic.com/v1", "claude-3-5-haiku-latest", true),
  /** A local Ollama server; no key unless a proxy in front of it wants one. */
  OLLAMA("http://127.0.0.1:11434", "llama3.1", false);

  private final String defaultBaseUrl;
  private final String defaultModel;
  private final boolean needsKey;

  LlmProvider(String defaultBaseUrl, String defaultModel, boolean needsKey) {
    this.defaultBaseUrl = defaultBaseUrl;
    this.defaultModel = defaultModel;
    this.needsKey = needsKey;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  public String defaultModel() {
    return defaultModel;
  }

  public boolean needsKey() {
    return needsKey;
  }

  /** The name people type: openai, anthropic, ollama. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LlmProvider of(String name) {
    for (LlmProvider provider : values()) {
      if (provider.label().equalsIgnoreCase(name.strip())) {
        return provider;
      }
    }
    throw new IllegalArgumentException("Unknown language model provider '" + name + "': use one of "
        + Arrays.stream(values()).map(LlmProvider::label).collect(Collectors.joining(", ")) + ".");
  }
}
