package dev.statsigjdbc.driver.vault;

import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import javax.crypto.AEADBadTagException;

/**
 * {@code ENC(...)} values in connection properties and profile files, after the jasypt convention of wrapping an
 * encrypted value in {@code ENC(...)}, but in our own authenticated format:
 * {@code ENC(v1:<base64url(salt 16 | nonce 12 | AES-256-GCM ciphertext+tag)>)}, key = PBKDF2-HMAC-SHA256(master
 * password, salt).
 * <p>
 * Why not jasypt itself: its PBE modes (even PBEWITHHMACSHA512ANDAES_256) are CBC without a MAC, so a changed
 * byte or some wrong passwords decrypt silently to altered text that we would then send as a credential; the
 * library is also unmaintained since 2019. GCM fails loudly instead, and needs nothing beyond the JDK. Values
 * are produced with {@link #encrypt} (the CLI's {@code encrypt} command calls it).
 */
public final class EncryptedValue {
    /** Environment variable holding the master password for ENC values. */
    public static final String PASSWORD_ENVIRONMENT_VARIABLE = "STATSIG_JDBC_MASTER_PASSWORD";
    /** Connection/profile property holding it (the environment variable wins when both are set). */
    public static final String PASSWORD_PROPERTY = StatsigProperty.MASTER_PASSWORD.key();

    private static final String PREFIX = "ENC(";
    private static final String VERSION_TAG = "v1:";
    private static final byte[] AAD = "statsig-jdbc ENC v1".getBytes(StandardCharsets.US_ASCII);

    private EncryptedValue() {
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX) && value.endsWith(")");
    }

    /** Encrypts {@code plaintext} into an {@code ENC(v1:...)} value. */
    public static String encrypt(String plaintext, char[] masterPassword) {
        requirePassword(masterPassword);
        byte[] salt = AuthenticatedCipher.randomBytes(AuthenticatedCipher.SALT_BYTES);
        byte[] key = AuthenticatedCipher.deriveKey(masterPassword, salt, AuthenticatedCipher.PBKDF2_ITERATIONS);
        byte[] sealed = AuthenticatedCipher.seal(key, AAD, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] payload = ByteBuffer.allocate(salt.length + sealed.length).put(salt).put(sealed).array();
        return PREFIX + VERSION_TAG + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + ")";
    }

    /**
     * The value of property {@code name}: decrypted if it is {@code ENC(...)}, as is otherwise; null stays null.
     * The master password comes from {@value #PASSWORD_ENVIRONMENT_VARIABLE} or the {@value #PASSWORD_PROPERTY} property.
     */
    public static Secret resolve(String name, String value, Properties properties, Map<String, String> environment) {
        if (!isEncrypted(value)) {
            return Secret.ofNullable(value);
        }
        String password = environment.getOrDefault(PASSWORD_ENVIRONMENT_VARIABLE, properties.getProperty(PASSWORD_PROPERTY));
        if (password == null || password.isEmpty()) {
            throw new VaultException("The property " + name + " is an ENC(...) value but no master password is given: set "
                    + PASSWORD_ENVIRONMENT_VARIABLE + " or the " + PASSWORD_PROPERTY + " property to the password it was encrypted with");
        }
        return decrypt(name, value, password.toCharArray());
    }

    /** Decrypts an {@code ENC(v1:...)} value; {@code name} only labels error messages. */
    public static Secret decrypt(String name, String value, char[] masterPassword) {
        requirePassword(masterPassword);
        String inner = value.substring(PREFIX.length(), value.length() - 1);
        if (!inner.startsWith(VERSION_TAG)) {
            throw new VaultException("The property " + name + " holds an ENC(...) value in an unknown format (a jasypt value?): "
                    + "produce it again with `statsig-sql encrypt`, which writes ENC(v1:...)");
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(inner.substring(VERSION_TAG.length()));
            if (payload.length <= AuthenticatedCipher.SALT_BYTES) {
                throw new AEADBadTagException("too short");
            }
            byte[] salt = Arrays.copyOf(payload, AuthenticatedCipher.SALT_BYTES);
            byte[] sealed = Arrays.copyOfRange(payload, AuthenticatedCipher.SALT_BYTES, payload.length);
            byte[] key = AuthenticatedCipher.deriveKey(masterPassword, salt, AuthenticatedCipher.PBKDF2_ITERATIONS);
            return Secret.of(new String(AuthenticatedCipher.open(key, AAD, sealed), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | AEADBadTagException e) {
            throw new VaultException("The ENC(...) value of " + name + " cannot be decrypted: it was modified or the master password is different; "
                    + "set " + PASSWORD_ENVIRONMENT_VARIABLE + " to the password it was encrypted with, or produce it again with `statsig-sql encrypt`");
        }
    }

    private static void requirePassword(char[] masterPassword) {
        if (masterPassword == null || masterPassword.length == 0) {
            throw new VaultException("An empty master password cannot protect an ENC(...) value: set " + PASSWORD_ENVIRONMENT_VARIABLE);
        }
    }
}
