package dev.statsigjdbc.driver.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for one test class, from Debian's {@code postgresql} package: a fresh
 * cluster in a temporary folder ({@code initdb}, password authentication), started with
 * {@code pg_ctl} on a free loopback port with every statement logged, stopped and deleted after.
 * As root the server runs as the {@code postgres} user (PostgreSQL refuses to run as root).
 * Without PostgreSQL binaries the tests fail under {@code CI=true} and are skipped elsewhere, with a
 * message saying what to install.
 * Public for the CLI's tests (driver test jar).
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
  public static final String USER = "postgres";
  public static final String PASSWORD = "pg-test-password";
  private static final Path DEBIAN_INSTALLS = Path.of("/usr/lib/postgresql");
  private static final long COMMAND_TIMEOUT_SECONDS = 120;

  private Path bin;
  private Path folder;
  private Path data;
  private Path log;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Optional<Path> found = binaries();
    String missing = "No PostgreSQL binaries under " + DEBIAN_INSTALLS
        + "/<version>/bin: install Debian's postgresql package (apt-get install -y postgresql) to run these tests";
    // Under CI a missing server is a broken set-up (.ci/run installs it), never a quiet skip.
    if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(missing);
    }
    Assumptions.assumeTrue(found.isPresent(), missing);
    bin = found.get();
    folder = Files.createTempDirectory("statsig-postgres");
    data = folder.resolve("data");
    log = folder.resolve("postgres.log");
    Path passwordFile = Files.writeString(folder.resolve("password"), PASSWORD);
    if (isRoot()) {
      run(List.of("chown", "-R", USER, folder.toString()));
    }
    run(asServerUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "scram-sha-256",
        "--pwfile", passwordFile.toString(), "-E", "UTF8", "--no-sync"));
    port = freePort();
    // -w waits until the server accepts connections.
    run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-o",
        "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + folder
            + " -c log_statement=all -c fsync=off", "start"));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (folder == null) {
      return;
    }
    try {
      run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The server's log so far: with log_statement=all, every statement it was sent. */
  String statementLog() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The newest Debian install: /usr/lib/postgresql/<version>/bin. */
  private static Optional<Path> binaries() throws IOException {
    if (!Files.isDirectory(DEBIAN_INSTALLS)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_INSTALLS)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> versionNumber(b.getParent())));
    }
  }

  private static int versionNumber(Path versionFolder) {
    try {
      return Integer.parseInt(versionFolder.getFileName().toString());
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> asServerUser(String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", USER, "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // pg_ctl start leaves the server running with our pipe as its stdout: read only what the command itself wrote.
    process.getOutputStream().close();
    if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output);
    }
  }
}
