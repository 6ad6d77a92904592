package dev.statsigjdbc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.emulator.api.ApiQuirks;
import dev.statsigjdbc.emulator.api.PageLimits;
import dev.statsigjdbc.emulator.data.DatasetProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulatorMainTest {

  private static EmulatorConfig parse(String... args) {
    EmulatorMain main = new EmulatorMain();
    new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return main.toConfig();
  }

  @Test
  void defaultsAreTheDemo() {
    EmulatorConfig config = parse();
    assertThat(config.port()).isEqualTo(8787);
    assertThat(config.dataset()).isEqualTo(DatasetProfile.DEMO);
    assertThat(config.seed()).isEqualTo(42L);
    assertThat(config.requireAuth()).isTrue();
    assertThat(config.autoApprove()).isFalse();
    assertThat(config.extraTools()).isFalse();
    assertThat(config.rateLimit()).isFalse();
    assertThat(config.quirks()).isEqualTo(ApiQuirks.specExamples());
    assertThat(config.latencyMillis()).isZero();
    assertThat(config.apiKeys()).isEmpty();
    assertThat(config.v3ActionNames()).isEqualTo(EmulatorConfig.V3ActionNames.DEFAULT);
    assertThat(config.v3StructuredContent()).isFalse();
    assertThat(config.v3HandleTtl()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.issueRefreshTokens()).isTrue();
    assertThat(config.pageLimits()).isEqualTo(PageLimits.defaults());
  }

  @Test
  void everyV3OptionReachesTheConfig() {
    EmulatorConfig config = parse("--v3-expanded-tools", "--v3-action-names", "shuffled", "--v3-structured-content",
        "--v3-hide-writes-from-read-only-keys", "--v3-handle-ttl-seconds", "5", "--no-refresh-tokens");
    assertThat(config.v3ExpandedTools()).isTrue();
    assertThat(config.v3ActionNames()).isEqualTo(EmulatorConfig.V3ActionNames.SHUFFLED);
    assertThat(config.v3StructuredContent()).isTrue();
    assertThat(config.v3HideWritesFromReadOnlyKeys()).isTrue();
    assertThat(config.v3HandleTtl()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.issueRefreshTokens()).isFalse();
    assertThatThrownBy(() -> parse("--v3-handle-ttl-seconds", "0")).hasMessageContaining("--v3-handle-ttl-seconds");
    assertThatThrownBy(() -> parse("--v3-action-names", "random")).hasMessageContaining("--v3-action-names");
  }

  @Test
  void pageLimitSwitchesReachTheConfig() {
    assertThat(parse("--page-size-cap", "100").pageLimits()).isEqualTo(PageLimits.cappedAt(100));
    assertThat(parse("--refuse-limits-above", "100").pageLimits()).isEqualTo(PageLimits.refusingAbove(100));
    assertThatThrownBy(() -> parse("--page-size-cap", "100", "--refuse-limits-above", "100"))
        .hasMessageContaining("--page-size-cap").hasMessageContaining("--refuse-limits-above");
    assertThatThrownBy(() -> parse("--page-size-cap", "0")).hasMessageContaining("at least 1");
  }

  @Test
  void everyOptionReachesTheConfig() {
    EmulatorConfig config = parse("--port", "0", "--dataset", "large", "--seed", "7", "--auto-approve", "--no-auth",
        "--api-key", "console-ro", "--api-key", "console-rw:rw", "--extra-tools", "--renamed-tools",
        "--schema-conformant", "--rate-limit", "--latency-ms", "20");
    assertThat(config.port()).isZero();
    assertThat(config.dataset()).isEqualTo(DatasetProfile.LARGE);
    assertThat(config.seed()).isEqualTo(7L);
    assertThat(config.autoApprove()).isTrue();
    assertThat(config.requireAuth()).isFalse();
    assertThat(config.apiKeys()).isEqualTo(Map.of("console-ro", false, "console-rw", true));
    assertThat(config.extraTools()).isTrue();
    assertThat(config.renamedTools()).isTrue();
    assertThat(config.quirks()).isEqualTo(ApiQuirks.schemaConformant());
    assertThat(config.rateLimit()).isTrue();
    assertThat(config.rateLimitRequests()).isEqualTo(100);
    assertThat(config.latencyMillis()).isEqualTo(20);
  }

  @Test
  void badValuesAreRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> parse("--dataset", "huge")).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--dataset");
    assertThatThrownBy(() -> parse("--api-key", ":rw")).hasMessageContaining("--api-key");
    assertThatThrownBy(() -> parse("--latency-ms", "-1")).hasMessageContaining("--latency-ms");
  }
}
