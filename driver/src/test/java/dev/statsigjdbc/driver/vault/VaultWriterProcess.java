package dev.statsigjdbc.driver.vault;

import java.nio.file.Path;

/** A separate JVM that writes to a vault, for {@link CrossProcessVaultTest}: args are directory, key, prefix, count. */
public final class VaultWriterProcess {
    private VaultWriterProcess() {
    }

    public static void main(String[] args) {
        CredentialVault vault = CredentialVault.at(Path.of(args[0]), args[1]);
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            vault.store(args[2] + i, CredentialSet.ofApiKey(Secret.of("k" + i)));
            vault.update("counter", current -> CredentialSet.ofApiKey(
                    Secret.of(String.valueOf(current == null ? 1 : Integer.parseInt(current.apiKey().reveal()) + 1))));
        }
    }
}
