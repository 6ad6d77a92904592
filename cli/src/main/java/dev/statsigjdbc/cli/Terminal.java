package dev.statsigjdbc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal. Java 17's {@code System.console()} is null as soon as
 * stdout is redirected, which is exactly when a progress line on stderr is most useful, so on
 * Linux the stream's file descriptor link is read instead; elsewhere the console decides.
 */
final class Terminal {
  static final int STDOUT = 1;
  static final int STDERR = 2;

  private Terminal() {}

  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException noProcFileSystem) {
      return System.console() != null;
    }
  }
}
