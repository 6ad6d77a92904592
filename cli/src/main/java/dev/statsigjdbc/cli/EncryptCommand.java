package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.vault.EncryptedValue;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code statsig-sql encrypt}: reads a secret (from a prompt, or the first line of standard input when it is not
 * a terminal) and prints it as an {@code ENC(v1:...)} value for connection properties and profiles. The master
 * password comes from STATSIG_JDBC_MASTER_PASSWORD, else a prompt.
 */
@Command(name = "encrypt", mixinStandardHelpOptions = true, description = "Encrypt a secret (API key, client secret) into an ENC(v1:...) value.")
final class EncryptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Console console = System.console();
    String secret = console != null ? new String(console.readPassword("Secret to encrypt: "))
        : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("No secret given: type it at the prompt or pipe it to standard input");
    }
    char[] password = masterPassword(console);
    spec.commandLine().getOut().println(EncryptedValue.encrypt(secret.strip(), password));
    return ExitCodes.OK;
  }

  private static char[] masterPassword(Console console) {
    String fromEnvironment = System.getenv(EncryptedValue.PASSWORD_ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment.toCharArray();
    }
    if (console == null) {
      throw new IllegalArgumentException("Set " + EncryptedValue.PASSWORD_ENVIRONMENT_VARIABLE
          + " to the master password (no terminal to prompt for it)");
    }
    char[] first = console.readPassword("Master password: ");
    char[] again = console.readPassword("Master password again: ");
    if (!Arrays.equals(first, again)) {
      throw new IllegalArgumentException("The two master passwords differ; run `statsig-sql encrypt` again");
    }
    return first;
  }
}
