package dev.statsigjdbc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The user name and password that {@code serve} demands with HTTP basic auth. The password is read
 * from a file or the environment (never a command-line argument, which other users can see) and
 * never appears in {@link #toString()}, logs or messages.
 */
record ServeCredentials(String user, String password) {
  static final String PASSWORD_ENV = "STATSIG_SQL_SERVE_PASSWORD";

  ServeCredentials {
    if (user == null || user.isBlank() || user.contains(":")) {
      throw new IllegalArgumentException("--user must be a non-empty name without ':' (HTTP basic auth)");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("The serve password is empty: put it in the --password-file or "
          + PASSWORD_ENV);
    }
  }

  /** The password file's first line wins over the environment; nothing configured means no credentials. */
  static Optional<ServeCredentials> resolve(String user, Path passwordFile, Map<String, String> environment) {
    if (passwordFile != null) {
      return Optional.of(new ServeCredentials(user, firstLine(passwordFile)));
    }
    String fromEnvironment = environment.get(PASSWORD_ENV);
    return fromEnvironment == null ? Optional.empty() : Optional.of(new ServeCredentials(user, fromEnvironment));
  }

  private static String firstLine(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read the --password-file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ServeCredentials[user=" + user + ", password=(hidden)]";
  }
}
