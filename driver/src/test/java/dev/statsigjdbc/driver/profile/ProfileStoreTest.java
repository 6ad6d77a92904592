package dev.statsigjdbc.driver.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statsigjdbc.driver.vault.EncryptedValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
  private static final String URL = "http://127.0.0.1:8787/v1/mcp";

  @TempDir Path dir;

  @Test
  void savesReplacesFindsAndRemovesProfilesByName() throws Exception {
    ProfileStore store = new ProfileStore(dir.resolve("new-folder"));
    assertThat(store.all()).isEmpty();

    store.save(DataSourceProfile.oauth("b", URL, null, null));
    store.save(DataSourceProfile.apiKeyFromEnvironment("a", "https://api.statsig.com/v1/mcp", "STATSIG_KEY"));
    store.save(DataSourceProfile.oauth("b", URL, "client-1", "client_secret_basic"));

    assertThat(store.all()).extracting(DataSourceProfile::name).containsExactly("a", "b");
    assertThat(store.find("b").orElseThrow().clientId()).isEqualTo("client-1");
    assertThat(store.findByUrl(URL).orElseThrow().name()).isEqualTo("b");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.path()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.path().getParent()))).isEqualTo("rwx------");
    assertThat(Files.readString(store.path())).contains("\"auth\" : \"api-key\"", "\"apiKeyEnv\" : \"STATSIG_KEY\"")
        .doesNotContain("null");

    assertThat(store.remove("b")).isTrue();
    assertThat(store.remove("b")).isFalse();
    assertThat(store.all()).extracting(DataSourceProfile::name).containsExactly("a");
  }

  @Test
  void concurrentSavesLoseNothing() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> saves = IntStream.range(0, 40)
          .mapToObj(i -> pool.submit(() -> new ProfileStore(dir).save(DataSourceProfile.oauth("s" + i, URL, null, null))))
          .collect(Collectors.toList());
      for (Future<?> save : saves) {
        save.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(store.all()).hasSize(40);
  }

  @Test
  void anEncryptedApiKeyIsKeptAsItsEncValue() {
    ProfileStore store = new ProfileStore(dir);
    String enc = EncryptedValue.encrypt("console-secret", "pw".toCharArray());
    store.save(new DataSourceProfile("k", URL, AuthKind.API_KEY, null, enc, null, null));
    assertThat(store.find("k").orElseThrow().apiKey()).isEqualTo(enc);
  }

  @Test
  void aDamagedFileSaysHowToRecover() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Files.writeString(store.path(), "{\"sources\": [{\"name\": \"x\", \"url\": \"ftp://nope\", \"auth\": \"oauth\"}]}");
    assertThatThrownBy(store::all).hasMessageContaining(store.path().toString()).hasMessageContaining("is damaged")
        .hasMessageContaining("statsig-sql sources add");
  }

  @Test
  void profilesAreValidated() {
    assertThatThrownBy(() -> DataSourceProfile.oauth("../etc", URL, null, null)).hasMessageContaining("not a valid data source name");
    assertThatThrownBy(() -> DataSourceProfile.oauth("ok", "not a url", null, null)).hasMessageContaining("MCP server URL");
    assertThatThrownBy(() -> new DataSourceProfile("k", URL, AuthKind.API_KEY, null, null, null, null)).hasMessageContaining("exactly one");
    assertThatThrownBy(() -> new DataSourceProfile("k", URL, AuthKind.OAUTH, "VAR", null, null, null)).hasMessageContaining("cannot also name an API key");
    assertThatThrownBy(() -> AuthKind.of("basic")).hasMessageContaining("use oauth or api-key");
  }
}
