package dev.statsigjdbc.assistant.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Dashboards as one JSON file each ({@code <name>.json}) in a folder, by default
 * {@code ~/.statsig-jdbc/dashboards}. Every change is a read-change-write under the dashboard's
 * lock ({@link DashboardLock}, a {@code .<name>.lock} file beside it) and replaces the file
 * atomically, so that two processes pinning to one dashboard at once both keep their pins and
 * readers never see half a file.
 */
public final class DashboardStore {
  private static final String SUFFIX = ".json";
  private final Path folder;

  public DashboardStore(Path folder) {
    this.folder = folder;
  }

  public static Path defaultFolder() {
    return Path.of(System.getProperty("user.home"), ".statsig-jdbc", "dashboards");
  }

  public Path folder() {
    return folder;
  }

  public Path file(String name) {
    return folder.resolve(Dashboard.checkName(name) + SUFFIX);
  }

  /** Every dashboard, by name. */
  public List<Dashboard> list() throws IOException {
    List<Dashboard> all = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return all;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        find(name.substring(0, name.length() - SUFFIX.length())).ifPresent(all::add);
      }
    }
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  public Optional<Dashboard> find(String name) throws IOException {
    Path file = file(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(DashboardJson.read(DashboardJson.JSON.readTree(file.toFile())));
    } catch (IOException | RuntimeException e) {
      throw new IOException("Dashboard file " + file + " could not be read (" + e.getMessage()
          + "); fix it or remove it with statsig-sql dashboard delete " + name, e);
    }
  }

  public Dashboard load(String name) throws IOException {
    return find(name).orElseThrow(() -> new IllegalArgumentException("No dashboard named " + name + " in " + folder
        + "; pin an answer first: statsig-sql ask \"...\" --pin " + name));
  }

  /** Replaces the dashboard with this one, whatever the file held. */
  public void save(Dashboard dashboard) throws IOException {
    locked(dashboard.name(), () -> {
      write(dashboard);
      return dashboard;
    });
  }

  /**
   * Reads the dashboard (empty when new), applies {@code change} and writes the result, all under
   * the dashboard's lock; returns the dashboard as saved.
   */
  public Dashboard update(String name, UnaryOperator<Dashboard> change) throws IOException {
    return locked(name, () -> {
      Dashboard updated = change.apply(find(name).orElseGet(() -> Dashboard.empty(name)));
      write(updated);
      return updated;
    });
  }

  private <T> T locked(String name, DashboardLock.Locked<T> work) throws IOException {
    Files.createDirectories(folder);
    return DashboardLock.holding(folder.resolve("." + Dashboard.checkName(name) + ".lock"), work);
  }

  /** Writes the whole file at once (a temporary file moved over the old one). */
  private void write(Dashboard dashboard) throws IOException {
    Path file = file(dashboard.name());
    Path temporary = Files.createTempFile(folder, dashboard.name(), ".tmp");
    try {
      DashboardJson.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), DashboardJson.write(dashboard));
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Adds a pin to the named dashboard, creating it when new; returns the dashboard as saved. */
  public Dashboard pin(String name, Pin pin) throws IOException {
    return update(name, dashboard -> dashboard.with(pin));
  }

  /** Removes the pin at {@code number} (from 1, as {@code dashboard list} shows them); returns the removed pin. */
  public Pin unpin(String name, int number) throws IOException {
    return locked(name, () -> {
      Dashboard before = load(name);
      Dashboard after = before.without(number);
      write(after);
      return before.pins().get(number - 1);
    });
  }

  /** @return whether there was such a dashboard */
  public boolean delete(String name) {
    try {
      return locked(name, () -> Files.deleteIfExists(file(name)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + file(name) + ": " + e.getMessage(), e);
    }
  }
}
