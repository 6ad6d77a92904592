package dev.statsigjdbc.cli;

import dev.statsigjdbc.assistant.llm.LlmPlanner;
import dev.statsigjdbc.assistant.llm.LlmSettings;
import dev.statsigjdbc.assistant.plan.OfflinePlanner;
import dev.statsigjdbc.assistant.plan.Planner;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Whether and which language model plans the SQL (a picocli mixin). Flags override the
 * environment; the API key is read only from an environment variable, never from a flag.
 */
final class LlmOptions {
  private final Map<String, String> environment;

  @Option(names = "--llm", description = "Let a language model write the SQL (configured by the --llm-* flags or "
      + LlmSettings.PROVIDER + ", " + LlmSettings.BASE_URL + ", " + LlmSettings.MODEL + " and " + LlmSettings.API_KEY
      + "); the offline planner answers when its SQL is refused.")
  boolean llm;

  @Option(names = "--llm-provider", paramLabel = "openai|anthropic|ollama",
      description = "The model's API (default: " + LlmSettings.PROVIDER + ", else openai). Implies --llm.")
  String provider;

  @Option(names = "--llm-base-url", paramLabel = "URL",
      description = "The API's base URL (default: " + LlmSettings.BASE_URL + ", else the provider's). Implies --llm.")
  String baseUrl;

  @Option(names = "--llm-model", paramLabel = "NAME",
      description = "The model (default: " + LlmSettings.MODEL + ", else the provider's). Implies --llm.")
  String model;

  @Option(names = "--llm-api-key-env", paramLabel = "VARIABLE",
      description = "The environment variable holding the API key (default " + LlmSettings.API_KEY + "). Implies --llm.")
  String apiKeyVariable;

  LlmOptions(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Whether a language model was asked for (--llm or any --llm-* flag). */
  boolean asked() {
    return llm || provider != null || baseUrl != null || model != null || apiKeyVariable != null;
  }

  /** The planner: the language model when asked for (settings checked now, before anything connects), else offline. */
  Planner planner() {
    return asked() ? LlmPlanner.over(LlmSettings.of(environment,
        new LlmSettings.Choice(provider, baseUrl, model, apiKeyVariable))) : new OfflinePlanner();
  }
}
