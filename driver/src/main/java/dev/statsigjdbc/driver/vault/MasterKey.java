package dev.statsigjdbc.driver.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Where the vault's 256-bit key comes from: a configured value (environment variable
 * {@value #ENVIRONMENT_VARIABLE} or a property), which is used as a raw key when it is base64 of exactly 32
 * bytes and otherwise as a passphrase for PBKDF2 with the salt stored in the vault file; or, when nothing is
 * configured, a random key kept in an owner-only key file beside the vault.
 */
public final class MasterKey {
    public static final String ENVIRONMENT_VARIABLE = "STATSIG_JDBC_MASTER_KEY";

    private final byte[] rawKey;
    private final char[] passphrase;
    private final Path keyFile;
    private byte[] derivedForSalt;
    private byte[] derivedKey;

    private MasterKey(byte[] rawKey, char[] passphrase, Path keyFile) {
        this.rawKey = rawKey;
        this.passphrase = passphrase;
        this.keyFile = keyFile;
    }

    /**
     * @param configured the configured master key or passphrase, or null to use {@code keyFile}
     * @param keyFile    the generated key file used when nothing is configured
     */
    public static MasterKey resolve(String configured, Path keyFile) {
        if (configured == null || configured.isBlank()) {
            return new MasterKey(null, null, keyFile);
        }
        byte[] decoded = decodeBase64Key(configured.trim());
        return decoded != null ? new MasterKey(decoded, null, null) : new MasterKey(null, configured.toCharArray(), null);
    }

    /** Says where the key comes from, for error messages; never the key itself. */
    public String describe() {
        if (keyFile != null) {
            return "the key file " + keyFile;
        }
        return (rawKey != null ? "the base64 key" : "the passphrase") + " given in " + ENVIRONMENT_VARIABLE + " or the masterKey property";
    }

    /**
     * The AES key for a vault whose header holds {@code salt}; null if the key file does not exist and
     * {@code createIfMissing} is false. Callers creating the key file must hold the vault's write lock.
     */
    synchronized byte[] key(byte[] salt, boolean createIfMissing) throws IOException {
        if (rawKey != null) {
            return rawKey;
        }
        if (passphrase != null) {
            if (!Arrays.equals(salt, derivedForSalt)) {
                derivedKey = AuthenticatedCipher.deriveKey(passphrase, salt, AuthenticatedCipher.PBKDF2_ITERATIONS);
                derivedForSalt = salt.clone();
            }
            return derivedKey;
        }
        if (Files.exists(keyFile)) {
            byte[] key = decodeBase64Key(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
            if (key == null) {
                throw new VaultException("The key file " + keyFile + " does not hold a base64 256-bit key; restore it or delete the vault and run `statsig-sql sources add <name>` again");
            }
            return key;
        }
        if (!createIfMissing) {
            return null;
        }
        byte[] key = AuthenticatedCipher.randomBytes(AuthenticatedCipher.KEY_BYTES);
        PrivateFiles.writeAtomically(keyFile, Base64.getEncoder().encode(key));
        return key;
    }

    private static byte[] decodeBase64Key(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return bytes.length == AuthenticatedCipher.KEY_BYTES ? bytes : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + describe() + "]";
    }
}
