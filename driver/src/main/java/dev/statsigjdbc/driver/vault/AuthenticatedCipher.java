package dev.statsigjdbc.driver.vault;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 12-byte nonce per message, and PBKDF2 key derivation: the JDK primitives that
 * the vault and {@code ENC(...)} values share. GCM authenticates, so a changed byte or a wrong key fails
 * instead of decrypting to garbage.
 */
final class AuthenticatedCipher {
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int SALT_BYTES = 16;
    private static final int TAG_BITS = 128;
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthenticatedCipher() {
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Returns nonce followed by ciphertext and tag. */
    static byte[] seal(byte[] key, byte[] aad, byte[] plaintext) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, aad);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Opens what {@link #seal} produced; throws {@link AEADBadTagException} if anything was changed or the key differs. */
    static byte[] open(byte[] key, byte[] aad, byte[] nonceAndSealed) throws AEADBadTagException {
        if (nonceAndSealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("too short");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(nonceAndSealed, NONCE_BYTES), aad);
            return cipher.doFinal(nonceAndSealed, NONCE_BYTES, nonceAndSealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    static byte[] deriveKey(char[] password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(aad);
        return cipher;
    }
}
