package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.auth.OAuthException;
import dev.statsigjdbc.driver.mcp.McpSessionException;
import java.io.IOException;
import picocli.CommandLine;

/**
 * Exit codes of {@code statsig-sql}: 0 ok, 1 failure, 2 usage, 3 authentication (sign in again or fix the key),
 * and the handler that turns a command's exception into its message and exit code (no stack trace).
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int AUTH = 3;

  @Override
  public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
    command.getErr().println(command.getColorScheme().errorText(e.getMessage() == null ? e.toString() : e.getMessage()));
    command.getErr().flush();
    return of(e);
  }

  static int of(Exception e) {
    if (unreachable(e)) {
      return FAILURE;
    }
    if (e instanceof OAuthException
        || e instanceof McpSessionException session && session.kind() == McpSessionException.Kind.UNAUTHORIZED) {
      return AUTH;
    }
    if (e instanceof IllegalArgumentException) {
      return USAGE;
    }
    return FAILURE;
  }

  /** A server that could not be reached (down, wrong URL) is a failure to retry or fix, not a refused sign-in. */
  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException
          || t instanceof McpSessionException session && session.kind() == McpSessionException.Kind.UNREACHABLE) {
        return true;
      }
    }
    return false;
  }
}
