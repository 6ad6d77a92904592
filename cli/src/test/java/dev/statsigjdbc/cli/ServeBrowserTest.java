package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat page in headless Chromium, driven by playwright-core from Node
 * ({@code src/test/playwright/chat-page.cjs}): ask, see the chart, pin, open the dashboard. Behind
 * basic auth, so the page's own API calls are shown to carry it. Skipped only when {@code node} is
 * missing; playwright-core comes from {@code .ci/playwright}, Chromium from Debian.
 */
class ServeBrowserTest {
  private static final String QUESTION = "What is the exposure split on the new-onboarding gate?";
  private static final String DASHBOARD = "browser-test";
  private static final String USER = "analyst";
  private static final String PASSWORD = "browser-test-password";

  @TempDir Path work;

  @Test
  void askSeeTheChartPinAndOpenTheDashboard() throws Exception {
    Optional<Path> node = onPath("node");
    Assumptions.assumeTrue(node.isPresent(), "node is not installed: the chat page is not checked in a browser");
    Path repo = Path.of(System.getProperty("statsig.repoRoot")).toRealPath();
    Path playwright = repo.resolve(".playwright/node_modules/playwright-core");
    if (!Files.exists(playwright.resolve("package.json"))) {
      installPlaywrightCore(repo);
    }
    assertThat(playwright.resolve("package.json")).as("playwright-core is missing: run .ci/playwright").exists();
    Path chromium = onPath("chromium").orElseThrow(() ->
        new AssertionError("No chromium on PATH: install Debian's chromium (apt-get install chromium)"));
    Path screenshots = Path.of(System.getProperty("statsig.buildDir"));
    Path dashboards = work.resolve("dashboards");

    try (ServedDemo served = ServedDemo.start(new ServeSettings("127.0.0.1", 0, Driver.Serialization.PROTOBUF,
        Optional.of(new ServeCredentials(USER, PASSWORD))), dashboards)) {
      Path log = work.resolve("playwright.out");
      ProcessBuilder builder = new ProcessBuilder(node.get().toString(),
          repo.resolve("cli/src/test/playwright/chat-page.cjs").toString())
          .redirectErrorStream(true).redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> env = builder.environment();
      env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
      env.put("PLAYWRIGHT_CORE", playwright.toString());
      env.put("CHROMIUM", chromium.toString());
      env.put("BASE_URL", served.server.url());
      env.put("USER_DATA_DIR", Files.createDirectory(work.resolve("chromium-profile")).toString());
      env.put("SCREENSHOT_DIR", screenshots.toString());
      env.put("SERVE_USER", USER);
      env.put("SERVE_PASSWORD", PASSWORD);
      env.put("QUESTION", QUESTION);
      env.put("DASHBOARD", DASHBOARD);
      Process process = builder.start();
      boolean finished = process.waitFor(180, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log);
      assertThat(finished).as("the browser script finished; output:%n%s", output).isTrue();
      assertThat(process.exitValue()).as(output).isZero();

      JsonNode seen = new ObjectMapper().readTree(output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no result line in:\n" + output)));
      assertThat(seen.path("errorShown").path("visible").asBoolean()).isTrue();
      assertThat(seen.path("errorShown").path("text").asText()).contains("larger than");
      assertThat(seen.path("errorShown").path("answerHidden").asBoolean()).isTrue();
      JsonNode asking = seen.path("whileAsking");
      assertThat(asking.path("loading").asBoolean()).as("loading shown while asking").isTrue();
      assertThat(asking.path("answerHidden").asBoolean()).as("the previous answer cleared").isTrue();
      assertThat(asking.path("summary").asText()).isEmpty();
      assertThat(asking.path("sendDisabled").asBoolean()).isTrue();
      assertThat(asking.path("errorHidden").asBoolean()).as("the earlier error cleared").isTrue();
      assertThat(seen.path("loadingAfter").asBoolean()).isFalse();
      assertThat(seen.path("summary").asText()).startsWith("Exposure split on new_onboarding");
      assertThat(seen.path("sql").asText()).contains("gate_results");
      assertThat(seen.path("chatSvgs").asInt()).isEqualTo(1);
      assertThat(seen.path("bars").asInt()).as("passed and failed bars of 3 rules").isEqualTo(6);
      assertThat(seen.path("pinned").asText()).contains("Pinned as 1.");
      assertThat(seen.path("dashboardUrl").asText()).isEqualTo(served.server.url() + "dashboards/" + DASHBOARD);
      assertThat(seen.path("dashboard").path("title").asText()).isEqualTo(DASHBOARD);
      assertThat(seen.path("dashboard").path("rendered").asInt()).isEqualTo(1);
      assertThat(seen.path("dashboard").path("failed").asInt()).isZero();
      assertThat(seen.path("dashboard").path("svgs").asInt()).isEqualTo(1);
      assertThat(seen.path("offsite").size()).as("requests that left the server: %s", seen.path("offsite")).isZero();
      assertThat(Files.readString(dashboards.resolve(DASHBOARD + ".json"))).contains(QUESTION);
      assertThat(screenshots.resolve("serve-chat.png")).isNotEmptyFile();
      assertThat(screenshots.resolve("serve-dashboard.png")).isNotEmptyFile();
    }
  }

  private static Optional<Path> onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
  }

  /** The same pinned install .ci/run makes, so that README's test command sets itself up (npm's registry is reachable). */
  private static void installPlaywrightCore(Path repo) throws IOException, InterruptedException {
    Process install = new ProcessBuilder("bash", repo.resolve(".ci/playwright").toString())
        .inheritIO().redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    assertThat(install.waitFor(300, TimeUnit.SECONDS)).as(".ci/playwright finished").isTrue();
    assertThat(install.exitValue()).as(".ci/playwright failed: see its output above").isZero();
  }
}
