package dev.statsigjdbc.driver.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers in separate JVMs (the file lock's real job) and in this one, at the same time: no update is lost. */
class CrossProcessVaultTest {
    @TempDir
    Path dir;

    @Test
    void writersInSeveralJvmsDoNotLoseUpdates() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        int perWriter = 15;
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("a", "b")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), VaultWriterProcess.class.getName(), dir.toString(), key, prefix, String.valueOf(perWriter))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        VaultWriterProcess.main(new String[] {dir.toString(), key, "c", String.valueOf(perWriter)});
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
        CredentialVault vault = CredentialVault.at(dir, key);
        assertThat(vault.sourceNames()).hasSize(3 * perWriter + 1);
        assertThat(vault.load("counter").orElseThrow().apiKey().reveal()).isEqualTo(String.valueOf(3 * perWriter));
    }
}
