package dev.statsigjdbc.driver.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.statsigjdbc.driver.vault.CredentialVault;
import dev.statsigjdbc.driver.vault.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The data source profiles, one JSON file ({@value #FILE_NAME}) beside the credential vault, owner-only and
 * replaced atomically. It holds no clear secret (see {@link DataSourceProfile}), but names and URLs are private.
 */
public final class ProfileStore {
  public static final String FILE_NAME = "sources.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Path lockFile;

  public ProfileStore(Path directory) {
    this.file = directory.toAbsolutePath().normalize().resolve(FILE_NAME);
    this.lockFile = file.resolveSibling(FILE_NAME + ".lock");
  }

  /** The profiles kept in the same directory as {@code vault}. */
  public static ProfileStore beside(CredentialVault vault) {
    return new ProfileStore(vault.path().toAbsolutePath().getParent());
  }

  public Path path() {
    return file;
  }

  /** Every profile, by name. */
  public List<DataSourceProfile> all() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the data source file " + file + ": " + e.getMessage(), e);
    }
    try {
      return List.of(JSON.readValue(content, ProfileFile.class).sources());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("The data source file " + file + " is damaged (" + rootMessage(e)
          + "): fix it, or delete it and add the sources again with `statsig-sql sources add <name>`", e);
    }
  }

  public Optional<DataSourceProfile> find(String name) {
    return all().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The first profile (by name) for the MCP server at {@code url}. */
  public Optional<DataSourceProfile> findByUrl(String url) {
    return all().stream().filter(p -> p.url().equals(url)).findFirst();
  }

  /** Adds {@code profile}, replacing one of the same name. */
  public void save(DataSourceProfile profile) {
    change(profiles -> {
      profiles.removeIf(p -> p.name().equals(profile.name()));
      profiles.add(profile);
      return true;
    });
  }

  /** Returns whether there was a profile of that name. */
  public boolean remove(String name) {
    return change(profiles -> profiles.removeIf(p -> p.name().equals(name)));
  }

  /** Read-modify-write as the only writer (threads and processes); {@code edit} says whether it changed anything. */
  private boolean change(Predicate<List<DataSourceProfile>> edit) {
    try {
      return PrivateFiles.exclusively(lockFile, () -> {
        List<DataSourceProfile> profiles = new ArrayList<>(all());
        if (!edit.test(profiles)) {
          return false;
        }
        profiles.sort(Comparator.comparing(DataSourceProfile::name));
        PrivateFiles.writeAtomically(file, JSON.writeValueAsBytes(new ProfileFile(profiles.toArray(DataSourceProfile[]::new))));
        return true;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the data source file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
  }

  /** The file's layout: {@code {"sources": [...]}}. */
  private record ProfileFile(DataSourceProfile[] sources) {
    ProfileFile {
      sources = sources == null ? new DataSourceProfile[0] : sources;
    }
  }
}
