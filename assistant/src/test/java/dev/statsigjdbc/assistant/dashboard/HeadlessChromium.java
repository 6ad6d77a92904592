package dev.statsigjdbc.assistant.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's Chromium run headless on a local page, offline, with a fresh profile per run. */
final class HeadlessChromium {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final long TIMEOUT_SECONDS = 120;
  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** The first Chromium on the PATH (or /usr/bin), if any. */
  static Optional<HeadlessChromium> find() {
    String path = System.getenv().getOrDefault("PATH", "") + java.io.File.pathSeparator + "/usr/bin";
    return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
        .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
        .filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
  }

  /** The page's DOM after its scripts ran (virtual time lets pending promises settle). */
  String dumpDom(Path page, Path work) throws IOException, InterruptedException {
    return run(page, work, List.of("--dump-dom"));
  }

  void screenshot(Path page, Path work, Path png) throws IOException, InterruptedException {
    run(page, work, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1200,900"));
  }

  private String run(Path page, Path work, List<String> extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile");
    Path out = Files.createTempFile(work, "chromium", ".out");
    Path err = Files.createTempFile(work, "chromium", ".err");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--virtual-time-budget=5000"));
    command.addAll(extra);
    command.add(page.toAbsolutePath().toUri().toString());
    Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      throw new IllegalStateException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
    }
    if (chromium.exitValue() != 0) {
      throw new IllegalStateException("chromium exited " + chromium.exitValue() + ": " + Files.readString(err));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
