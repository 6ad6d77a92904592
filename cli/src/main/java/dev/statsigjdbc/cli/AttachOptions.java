package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.connect.DataSources;
import dev.statsigjdbc.driver.profile.Attachment;
import dev.statsigjdbc.driver.profile.DataSourceProfile;
import dev.statsigjdbc.driver.vault.Secret;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * The databases a data source attaches next to {@code statsig} (a picocli mixin of {@code sources add}):
 * URL, user and schema go to the profile, passwords to the vault. Passwords are never taken from the
 * command line (other users can read it): they are prompted for, or read from standard input.
 */
final class AttachOptions {
  @Option(names = "--attach", paramLabel = "NAME=JDBC_URL",
      description = "Attach your own database as schema NAME (repeatable), e.g. finance=jdbc:postgresql://db:5432/finance. "
          + "Replaces the source's attached databases; without it they are kept.")
  Map<String, String> urls = new LinkedHashMap<>();

  @Option(names = "--attach-user", paramLabel = "NAME=USER", description = "User name for the database attached as NAME.")
  Map<String, String> users = new LinkedHashMap<>();

  @Option(names = "--attach-schema", paramLabel = "NAME=SCHEMA",
      description = "Schema of the database attached as NAME to show (default: its connection's current schema).")
  Map<String, String> schemas = new LinkedHashMap<>();

  @Option(names = "--attach-password", paramLabel = "NAME",
      description = "Ask for the password of the database attached as NAME (a hidden prompt, or one line of standard input"
          + " per NAME when it is not a terminal); it is stored encrypted in the vault.")
  List<String> passwordsFor = new ArrayList<>();

  boolean given() {
    return !urls.isEmpty();
  }

  /** The attached databases the source will have: those given, else the ones it has. */
  Map<String, Attachment> attachments(Optional<DataSourceProfile> existing) {
    if (!given()) {
      if (!users.isEmpty() || !schemas.isEmpty() || !passwordsFor.isEmpty()) {
        throw new IllegalArgumentException("--attach-user, --attach-schema and --attach-password go with --attach NAME=JDBC_URL:"
            + " give every database the source attaches");
      }
      return existing.map(DataSourceProfile::attach).orElse(Map.of());
    }
    for (String name : concat(users.keySet(), schemas.keySet(), passwordsFor)) {
      if (!urls.containsKey(name)) {
        throw new IllegalArgumentException("'" + name + "' is not attached: add --attach " + name + "=<JDBC URL>");
      }
    }
    Map<String, Attachment> attachments = new TreeMap<>();
    urls.forEach((name, url) -> attachments.put(name, new Attachment(url, users.get(name), schemas.get(name))));
    return attachments;
  }

  /** The passwords to store: those asked for now, else the ones stored for the databases kept. */
  Map<String, Secret> passwords(DataSources sources, String source, Map<String, Attachment> attachments) {
    Map<String, Secret> passwords = new TreeMap<>();
    if (!given()) {
      attachments.keySet().forEach(name -> sources.vault().loadAttachmentPassword(source, name)
          .ifPresent(password -> passwords.put(name, password)));
      return passwords;
    }
    Console console = System.console();
    BufferedReader stdin = console != null ? null : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String name : passwordsFor) {
      String password = console != null ? new String(console.readPassword("Password of the database attached as %s: ", name))
          : readLine(stdin);
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("No password given for the database attached as " + name
            + ": type it at the prompt or give one line per --attach-password on standard input");
      }
      passwords.put(name, Secret.of(password));
    }
    return passwords;
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a password from standard input: " + e.getMessage(), e);
    }
  }

  @SafeVarargs
  private static List<String> concat(Iterable<String>... names) {
    List<String> all = new ArrayList<>();
    for (Iterable<String> some : names) {
      some.forEach(all::add);
    }
    return all;
  }
}
