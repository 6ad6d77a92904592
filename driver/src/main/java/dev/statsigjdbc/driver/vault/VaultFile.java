package dev.statsigjdbc.driver.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault file: a JSON header plus named entries, each sealed on its own with AES-256-GCM.
 *
 * <pre>
 * {"format":"statsig-jdbc-vault","version":1,"salt":"...","keyId":"...","entries":{"source:demo":"..."}}
 * </pre>
 *
 * Each entry is {@code base64(magic "SV", version 1, nonce, ciphertext+tag)} with AAD = magic, version and the
 * entry name, so an entry cannot be renamed or moved to another version undetected. {@code keyId} is an HMAC of
 * a constant under the key: it tells a wrong key apart before any decryption. Every read decrypts every entry,
 * so a change anywhere in the file is reported, never silently skipped.
 * <p>
 * Writers hold {@link PrivateFiles#exclusively} on a lock file (one writer across threads and JVMs) and
 * replace the file atomically; readers take no lock and see the old or the new file.
 */
final class VaultFile {
    private static final String FORMAT = "statsig-jdbc-vault";
    private static final byte[] MAGIC = {'S', 'V'};
    private static final byte VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path lockFile;
    private final MasterKey masterKey;

    VaultFile(Path file, MasterKey masterKey) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.masterKey = masterKey;
    }

    Path path() {
        return file;
    }

    /** All entries, decrypted: entry name to plaintext. Empty when the file does not exist yet. */
    Map<String, String> read() {
        try {
            return decode(Files.readAllBytes(file)).entries;
        } catch (NoSuchFileException absent) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new VaultException("Cannot read the credential vault at " + file + ": " + e.getMessage(), e);
        }
    }

    /** Applies {@code change} to the entries and writes the result, as the only writer. */
    Map<String, String> update(UnaryOperator<Map<String, String>> change) {
        try {
            return PrivateFiles.exclusively(lockFile, () -> {
                Decoded current = Files.exists(file) ? decode(Files.readAllBytes(file)) : fresh();
                Map<String, String> updated = new TreeMap<>(change.apply(new TreeMap<>(current.entries)));
                PrivateFiles.writeAtomically(file, encode(current.salt, current.key, updated));
                return updated;
            });
        } catch (IOException e) {
            throw new VaultException("Cannot write the credential vault at " + file + ": " + e.getMessage(), e);
        }
    }

    /** Moves an unreadable vault aside (keeping it for recovery) so that a new one can be started. */
    Path moveAside() throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
        Files.move(file, aside);
        return aside;
    }

    private record Decoded(byte[] salt, byte[] key, Map<String, String> entries) {
    }

    private Decoded fresh() throws IOException {
        byte[] salt = AuthenticatedCipher.randomBytes(AuthenticatedCipher.SALT_BYTES);
        return new Decoded(salt, masterKey.key(salt, true), new TreeMap<>());
    }

    private Decoded decode(byte[] content) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw unreadable();
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw unreadable();
        }
        if (root.path("version").asInt() != VERSION) {
            throw new VaultException("The credential vault at " + file + " has format version " + root.path("version").asText()
                    + ", which this driver does not know; use the driver version that wrote it, or delete it and run `statsig-sql sources add <name>` again");
        }
        // Strict layout: a changed field name must not read as an empty vault.
        if (!root.path("salt").isTextual() || !root.path("keyId").isTextual() || !root.path("entries").isObject()) {
            throw unreadable();
        }
        try {
            byte[] salt = Base64.getDecoder().decode(root.path("salt").asText());
            if (salt.length != AuthenticatedCipher.SALT_BYTES) {
                throw unreadable();
            }
            byte[] key = masterKey.key(salt, false);
            if (key == null || !MessageDigest.isEqual(keyId(key), Base64.getDecoder().decode(root.path("keyId").asText()))) {
                throw unreadable();
            }
            Map<String, String> entries = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("entries").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                byte[] envelope = Base64.getDecoder().decode(entry.getValue().asText());
                entries.put(entry.getKey(), openEnvelope(key, entry.getKey(), envelope));
            }
            return new Decoded(salt, key, entries);
        } catch (IllegalArgumentException | AEADBadTagException e) {
            throw unreadable();
        }
    }

    private static byte[] encode(byte[] salt, byte[] key, Map<String, String> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("salt", Base64.getEncoder().encodeToString(salt));
        root.put("keyId", Base64.getEncoder().encodeToString(keyId(key)));
        ObjectNode sealed = root.putObject("entries");
        entries.forEach((name, plaintext) -> sealed.put(name, Base64.getEncoder().encodeToString(sealEnvelope(key, name, plaintext))));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static byte[] sealEnvelope(byte[] key, String name, String plaintext) {
        byte[] sealed = AuthenticatedCipher.seal(key, aad(name), plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(MAGIC.length + 1 + sealed.length).put(MAGIC).put(VERSION).put(sealed).array();
    }

    private static String openEnvelope(byte[] key, String name, byte[] envelope) throws AEADBadTagException {
        if (envelope.length < MAGIC.length + 1 || envelope[0] != MAGIC[0] || envelope[1] != MAGIC[1] || envelope[2] != VERSION) {
            throw new AEADBadTagException("not a version 1 envelope");
        }
        byte[] sealed = Arrays.copyOfRange(envelope, MAGIC.length + 1, envelope.length);
        return new String(AuthenticatedCipher.open(key, aad(name), sealed), StandardCharsets.UTF_8);
    }

    private static byte[] aad(String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MAGIC.length + 1 + nameBytes.length).put(MAGIC).put(VERSION).put(nameBytes).array();
    }

    private static byte[] keyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal("statsig-jdbc vault key id".getBytes(StandardCharsets.US_ASCII)), 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private VaultException unreadable() {
        return new VaultException("The credential vault at " + file + " cannot be decrypted: it was modified or the master key is different ("
                + masterKey.describe() + "); run `statsig-sql sources add <name>` again or set " + MasterKey.ENVIRONMENT_VARIABLE
                + " to the key it was created with");
    }
}
