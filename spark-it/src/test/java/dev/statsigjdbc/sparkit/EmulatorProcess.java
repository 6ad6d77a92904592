package dev.statsigjdbc.sparkit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's runnable jar in its own JVM: the emulator carries unrelocated Jackson and the
 * MCP SDK, which must not share a class path with Spark and the shaded driver jar under test.
 * Tool call counts come from its loopback admin endpoint.
 */
final class EmulatorProcess implements AutoCloseable {
  static final String API_KEY = "console-spark-it";
  private static final Pattern ENDPOINT = Pattern.compile("MCP endpoint:\\s+(\\S+)");

  private final Process process;
  private final String mcpUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private EmulatorProcess(Process process, String mcpUrl) {
    this.process = process;
    this.mcpUrl = mcpUrl;
  }

  static EmulatorProcess start() throws IOException {
    Path jar = Path.of(System.getProperty("statsig.emulatorJar"));
    if (!jar.toFile().isFile()) {
      throw new IllegalStateException(jar + " is missing: run the main build first (mvn -B -ntp verify, or package)");
    }
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--port", "0", "--dataset", "demo", "--api-key", API_KEY)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    // Blocks on the emulator's own start-up lines; a dead process ends the stream.
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher endpoint = ENDPOINT.matcher(line);
      if (endpoint.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "emulator-output");
        drain.setDaemon(true);
        drain.start();
        return new EmulatorProcess(process, endpoint.group(1));
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("The emulator did not start:\n" + seen);
  }

  /** Without credentials: give {@link #API_KEY} as the apiKey connection property. */
  String jdbcUrl() {
    return "jdbc:statsig:url=" + mcpUrl;
  }

  /** Tool calls served since the last reset: {@code {"total":..,"byTool":{..}}} as raw JSON text. */
  String stats() throws IOException, InterruptedException {
    return admin("GET", "/admin/stats");
  }

  void resetStats() throws IOException, InterruptedException {
    admin("POST", "/admin/reset");
  }

  private String admin(String method, String path) throws IOException, InterruptedException {
    URI origin = URI.create(mcpUrl).resolve("/");
    HttpRequest request = HttpRequest.newBuilder(origin.resolve(path)).timeout(Duration.ofSeconds(10))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
