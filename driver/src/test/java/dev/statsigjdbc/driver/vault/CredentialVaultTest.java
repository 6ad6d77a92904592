package dev.statsigjdbc.driver.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialVaultTest {
    private static final String ACCESS = "at-5ecret-access-token-value";
    private static final String REFRESH = "rt-5ecret-refresh-token-value";
    private static final String CLIENT_SECRET = "cs-5ecret-client-secret";
    private static final String API_KEY = "console-5ecret-api-key";

    @TempDir
    Path dir;

    static CredentialSet fullSet() {
        return new CredentialSet(Secret.of(ACCESS), Secret.of(REFRESH), Instant.parse("2026-11-25T06:00:00Z"), "read write",
                "https://mcp.example.test/v1/mcp", "https://auth.example.test", URI.create("https://auth.example.test/token"),
                URI.create("https://auth.example.test/revoke"),
                new ClientRegistration("client-1", Secret.of(CLIENT_SECRET), ClientRegistration.CLIENT_SECRET_BASIC,
                        URI.create("http://127.0.0.1:4321/callback")),
                Secret.of(API_KEY));
    }

    private static String rawKey(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void storesLoadsAndDeletesACredentialSet() {
        CredentialVault vault = CredentialVault.at(dir, null);
        vault.store("demo", fullSet());
        vault.store("keyed", CredentialSet.ofApiKey(Secret.of(API_KEY)));

        CredentialVault reopened = CredentialVault.at(dir, null);
        assertThat(reopened.load("demo")).contains(fullSet());
        assertThat(reopened.load("keyed").orElseThrow().apiKey().reveal()).isEqualTo(API_KEY);
        assertThat(reopened.sourceNames()).containsExactly("demo", "keyed");
        assertThat(reopened.delete("demo")).isTrue();
        assertThat(reopened.delete("demo")).isFalse();
        assertThat(reopened.load("demo")).isEmpty();
    }

    @Test
    void storesClientRegistrationsPerIssuer() {
        CredentialVault vault = CredentialVault.at(dir, null);
        ClientRegistration client = new ClientRegistration("c-1", null, null, URI.create("http://127.0.0.1:5555/callback"));
        vault.storeClient("https://as.test", client);
        assertThat(vault.loadClient("https://as.test")).contains(client);
        assertThat(vault.loadClient("https://other.test")).isEmpty();
        assertThat(client.authMethod()).isEqualTo(ClientRegistration.NONE);
    }

    @Test
    void fileHoldsNoPlaintext() throws Exception {
        CredentialVault vault = CredentialVault.at(dir, null);
        vault.store("demo", fullSet());
        String content = Files.readString(vault.path());
        assertThat(content).doesNotContain(ACCESS, REFRESH, CLIENT_SECRET, API_KEY, "5ecret");
    }

    @Test
    void everySingleByteChangeIsReportedOrHarmlessNeverGarbage() throws Exception {
        CredentialVault vault = CredentialVault.at(dir, rawKey(7));
        vault.store("demo", fullSet());
        byte[] original = Files.readAllBytes(vault.path());
        int reported = 0;
        for (int i = 0; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] = (byte) (tampered[i] == 'A' ? 'B' : 'A');
            Files.write(vault.path(), tampered);
            try {
                // A change the format ignores (e.g. JSON whitespace) must still yield exactly the original data.
                assertThat(vault.load("demo")).contains(fullSet());
            } catch (VaultException e) {
                assertThat(e.getMessage()).containsAnyOf("cannot be decrypted", "format version");
                reported++;
            }
        }
        assertThat(reported).isGreaterThan(original.length * 9 / 10);
    }

    @Test
    void tamperedCiphertextGivesTheClearMessage() throws Exception {
        CredentialVault vault = CredentialVault.at(dir, null);
        vault.store("demo", fullSet());
        String content = Files.readString(vault.path());
        int at = content.indexOf("\"source:demo\" : \"") + "\"source:demo\" : \"".length() + 20;
        char flipped = content.charAt(at) == 'x' ? 'y' : 'x';
        Files.writeString(vault.path(), content.substring(0, at) + flipped + content.substring(at + 1));

        assertThatThrownBy(() -> vault.load("demo"))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("The credential vault at " + vault.path() + " cannot be decrypted: it was modified or the master key is different")
                .hasMessageContaining("run `statsig-sql sources add <name>` again or set STATSIG_JDBC_MASTER_KEY");
        assertThatThrownBy(() -> vault.store("other", fullSet())).isInstanceOf(VaultException.class);
        assertThat(Files.readString(vault.path())).contains("\"source:demo\"").doesNotContain("source:other");
    }

    @Test
    void renamedEntryIsDetected() throws Exception {
        CredentialVault vault = CredentialVault.at(dir, null);
        vault.store("demo", fullSet());
        Files.writeString(vault.path(), Files.readString(vault.path()).replace("source:demo", "source:prod"));
        assertThatThrownBy(() -> vault.load("prod")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void wrongMasterKeyIsReportedClearly() {
        CredentialVault.at(dir, rawKey(1)).store("demo", fullSet());
        assertThatThrownBy(() -> CredentialVault.at(dir, rawKey(2)).load("demo"))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("cannot be decrypted: it was modified or the master key is different")
                .hasMessageNotContaining(rawKey(1)).hasMessageNotContaining(rawKey(2));
        assertThatThrownBy(() -> CredentialVault.at(dir, null).load("demo")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void passphraseKeysWorkAndAWrongPassphraseIsRefused() {
        CredentialVault.at(dir, "correct horse battery staple").store("demo", fullSet());
        assertThat(CredentialVault.at(dir, "correct horse battery staple").load("demo")).contains(fullSet());
        assertThatThrownBy(() -> CredentialVault.at(dir, "wrong horse").load("demo"))
                .hasMessageContaining("cannot be decrypted").hasMessageNotContaining("horse");
        assertThat(Files.exists(dir.resolve(CredentialVault.KEY_FILE_NAME))).isFalse();
    }

    @Test
    void missingKeyFileIsReportedClearly() throws Exception {
        CredentialVault.at(dir, null).store("demo", fullSet());
        Files.delete(dir.resolve(CredentialVault.KEY_FILE_NAME));
        assertThatThrownBy(() -> CredentialVault.at(dir, null).load("demo")).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void unreadableVaultCanBeMovedAsideForANewStart() throws Exception {
        CredentialVault.at(dir, rawKey(1)).store("demo", fullSet());
        CredentialVault other = CredentialVault.at(dir, rawKey(2));
        Path aside = other.moveAsideIfUnreadable().orElseThrow();
        assertThat(aside).exists();
        other.store("demo", fullSet());
        assertThat(other.load("demo")).contains(fullSet());
        assertThat(other.moveAsideIfUnreadable()).isEmpty();
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        Path home = dir.resolve("home/.statsig-jdbc");
        Properties properties = new Properties();
        properties.setProperty(CredentialVault.DIRECTORY_PROPERTY, home.toString());
        CredentialVault vault = CredentialVault.fromConfiguration(properties, Map.of());
        vault.store("demo", fullSet());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void environmentKeyWinsOverProperty() {
        Properties properties = new Properties();
        properties.setProperty(CredentialVault.DIRECTORY_PROPERTY, dir.toString());
        properties.setProperty(CredentialVault.MASTER_KEY_PROPERTY, rawKey(3));
        CredentialVault.fromConfiguration(properties, Map.of(MasterKey.ENVIRONMENT_VARIABLE, rawKey(4))).store("demo", fullSet());
        assertThat(CredentialVault.at(dir, rawKey(4)).load("demo")).contains(fullSet());
        assertThat(Files.exists(dir.resolve(CredentialVault.KEY_FILE_NAME))).isFalse();
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws Exception {
        CredentialVault vault = CredentialVault.at(dir, null);
        for (int i = 0; i < 5; i++) {
            vault.store("s" + i, fullSet());
        }
        vault.delete("s0");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(CredentialVault.VAULT_FILE_NAME, CredentialVault.VAULT_FILE_NAME + ".lock", CredentialVault.KEY_FILE_NAME);
        }
    }

    @Test
    void concurrentWritersDoNotLoseUpdates() throws Exception {
        int threads = 6;
        int perThread = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // A separate vault object per thread: they share only the files, as separate connections would.
                CredentialVault vault = CredentialVault.at(dir, rawKey(9));
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perThread; i++) {
                        vault.store("t" + thread + "-" + i, CredentialSet.ofApiKey(Secret.of("k" + i)));
                        vault.update("counter", current -> CredentialSet.ofApiKey(
                                Secret.of(String.valueOf(current == null ? 1 : Integer.parseInt(current.apiKey().reveal()) + 1))));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        CredentialVault vault = CredentialVault.at(dir, rawKey(9));
        assertThat(vault.sourceNames()).hasSize(threads * perThread + 1);
        assertThat(vault.load("counter").orElseThrow().apiKey().reveal()).isEqualTo(String.valueOf(threads * perThread));
    }

    @Test
    void toStringNeverShowsValues() {
        String text = fullSet().toString() + Secret.of(ACCESS) + CredentialVault.at(dir, rawKey(5)) + MasterKey.resolve(rawKey(5), null)
                + MasterKey.resolve("my passphrase", null);
        assertThat(text).doesNotContain(ACCESS, REFRESH, CLIENT_SECRET, API_KEY, rawKey(5), "my passphrase").contains("Secret[****]");
        assertThat(Secret.of("x").toString()).isEqualTo("Secret[****]");
        assertThat(Secret.of("x")).isEqualTo(Secret.of("x")).isNotEqualTo(Secret.of("y"));
    }
}
