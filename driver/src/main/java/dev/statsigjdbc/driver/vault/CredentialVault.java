package dev.statsigjdbc.driver.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statsigjdbc.driver.connect.StatsigProperty;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The encrypted credential store: a {@link CredentialSet} per data source name and a {@link ClientRegistration}
 * per authorization server, in one AES-256-GCM vault file (see {@link VaultFile}) under
 * {@code ~/.statsig-jdbc/} unless configured otherwise.
 */
public final class CredentialVault {
    /** Connection/profile property naming the vault directory. */
    public static final String DIRECTORY_PROPERTY = StatsigProperty.VAULT_DIR.key();
    /** Connection/profile property with the master key or passphrase (the environment variable wins when both are set). */
    public static final String MASTER_KEY_PROPERTY = StatsigProperty.MASTER_KEY.key();
    public static final String VAULT_FILE_NAME = "credentials.vault";
    public static final String KEY_FILE_NAME = "master.key";

    private static final String SOURCE_PREFIX = "source:";
    private static final String CLIENT_PREFIX = "client:";
    private static final String ATTACHMENT_PREFIX = "attach:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final VaultFile file;

    public CredentialVault(Path directory, MasterKey masterKey) {
        this.file = new VaultFile(directory.resolve(VAULT_FILE_NAME), masterKey);
    }

    /** A vault at {@code directory} keyed by {@code configuredKey} (null: the generated key file beside the vault). */
    public static CredentialVault at(Path directory, String configuredKey) {
        return new CredentialVault(directory, MasterKey.resolve(configuredKey, directory.resolve(KEY_FILE_NAME)));
    }

    /** The vault as configured by connection properties and the environment, defaulting to {@code ~/.statsig-jdbc/}. */
    public static CredentialVault fromConfiguration(Properties properties, Map<String, String> environment) {
        String dir = properties.getProperty(DIRECTORY_PROPERTY);
        Path directory = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".statsig-jdbc");
        String key = environment.getOrDefault(MasterKey.ENVIRONMENT_VARIABLE, properties.getProperty(MASTER_KEY_PROPERTY));
        return at(directory, key);
    }

    public Path path() {
        return file.path();
    }

    public Optional<CredentialSet> load(String sourceName) {
        return Optional.ofNullable(file.read().get(SOURCE_PREFIX + sourceName)).map(CredentialVault::toCredentialSet);
    }

    public void store(String sourceName, CredentialSet credentials) {
        file.update(entries -> put(entries, SOURCE_PREFIX + sourceName, toFields(credentials)));
    }

    /**
     * Read-modify-write as the only writer: {@code change} sees the stored set (or null) and returns the new one
     * (null deletes it).
     * Refreshes use it so that a rotated refresh token is never overwritten by a stale copy.
     */
    public CredentialSet update(String sourceName, UnaryOperator<CredentialSet> change) {
        String name = SOURCE_PREFIX + sourceName;
        CredentialSet[] result = new CredentialSet[1];
        file.update(entries -> {
            String current = entries.get(name);
            result[0] = change.apply(current == null ? null : toCredentialSet(current));
            if (result[0] == null) {
                entries.remove(name);
                return entries;
            }
            return put(entries, name, toFields(result[0]));
        });
        return result[0];
    }

    /** Returns whether there was something to delete. */
    public boolean delete(String sourceName) {
        boolean[] removed = new boolean[1];
        file.update(entries -> {
            removed[0] = entries.remove(SOURCE_PREFIX + sourceName) != null;
            return entries;
        });
        return removed[0];
    }

    public Set<String> sourceNames() {
        Set<String> names = new TreeSet<>();
        file.read().keySet().stream().filter(k -> k.startsWith(SOURCE_PREFIX)).forEach(k -> names.add(k.substring(SOURCE_PREFIX.length())));
        return names;
    }

    /** The password of the database that data source {@code sourceName} attaches as {@code attachment}. */
    public Optional<Secret> loadAttachmentPassword(String sourceName, String attachment) {
        return Optional.ofNullable(file.read().get(attachmentEntry(sourceName, attachment))).map(Secret::of);
    }

    /** Stores that password (null deletes it). */
    public void storeAttachmentPassword(String sourceName, String attachment, Secret password) {
        file.update(entries -> {
            if (password == null) {
                entries.remove(attachmentEntry(sourceName, attachment));
            } else {
                entries.put(attachmentEntry(sourceName, attachment), password.reveal());
            }
            return entries;
        });
    }

    /** Forgets every attached database's password of {@code sourceName}; returns whether there was one. */
    public boolean deleteAttachmentPasswords(String sourceName) {
        boolean[] removed = new boolean[1];
        file.update(entries -> {
            removed[0] = entries.keySet().removeIf(k -> k.startsWith(attachmentEntry(sourceName, "")));
            return entries;
        });
        return removed[0];
    }

    private static String attachmentEntry(String sourceName, String attachment) {
        return ATTACHMENT_PREFIX + sourceName + "/" + attachment;
    }

    /** The client registered with an authorization server, keyed by its issuer. */
    public Optional<ClientRegistration> loadClient(String issuer) {
        return Optional.ofNullable(file.read().get(CLIENT_PREFIX + issuer)).map(CredentialVault::toClient);
    }

    public void storeClient(String issuer, ClientRegistration client) {
        file.update(entries -> put(entries, CLIENT_PREFIX + issuer, clientFields(client)));
    }

    /** Forgets the client registered with {@code issuer}, if it is {@code client} (a stale one the server rejected). */
    public boolean deleteClient(String issuer, ClientRegistration client) {
        boolean[] removed = new boolean[1];
        file.update(entries -> {
            String current = entries.get(CLIENT_PREFIX + issuer);
            if (current != null && toClient(current).equals(client)) {
                entries.remove(CLIENT_PREFIX + issuer);
                removed[0] = true;
            }
            return entries;
        });
        return removed[0];
    }

    /**
     * Moves an unreadable vault file aside (kept for recovery) so that {@code sources add} can start a new one.
     * Returns where it went, or empty when the vault was readable or absent.
     */
    public Optional<Path> moveAsideIfUnreadable() {
        if (!Files.exists(file.path())) {
            return Optional.empty();
        }
        try {
            file.read();
            return Optional.empty();
        } catch (VaultException unreadable) {
            try {
                return Optional.of(file.moveAside());
            } catch (IOException e) {
                throw new VaultException("Cannot move the unreadable vault " + file.path() + " aside: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "CredentialVault[" + file.path() + "]";
    }

    private static Map<String, String> put(Map<String, String> entries, String name, Map<String, String> fields) {
        try {
            entries.put(name, JSON.writeValueAsString(fields));
            return entries;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a string map", e);
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            // Authenticated, so only a bug could produce this; the message must not echo the plaintext.
            throw new VaultException("A vault entry has an unexpected layout; run `statsig-sql sources add <name>` again");
        }
    }

    private static Map<String, String> toFields(CredentialSet c) {
        Map<String, String> f = new LinkedHashMap<>();
        putIfPresent(f, "accessToken", c.accessToken(), Secret::reveal);
        putIfPresent(f, "refreshToken", c.refreshToken(), Secret::reveal);
        putIfPresent(f, "expiresAt", c.expiresAt(), Instant::toString);
        putIfPresent(f, "scope", c.scope(), Function.identity());
        putIfPresent(f, "resource", c.resource(), Function.identity());
        putIfPresent(f, "issuer", c.issuer(), Function.identity());
        putIfPresent(f, "tokenEndpoint", c.tokenEndpoint(), URI::toString);
        putIfPresent(f, "revocationEndpoint", c.revocationEndpoint(), URI::toString);
        putIfPresent(f, "apiKey", c.apiKey(), Secret::reveal);
        if (c.client() != null) {
            clientFields(c.client()).forEach((k, v) -> f.put("client." + k, v));
        }
        return f;
    }

    private static CredentialSet toCredentialSet(String json) {
        Map<String, String> f = parse(json);
        Map<String, String> client = new LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith("client.")) {
                client.put(k.substring("client.".length()), v);
            }
        });
        return new CredentialSet(
                Secret.ofNullable(f.get("accessToken")),
                Secret.ofNullable(f.get("refreshToken")),
                mapNullable(f.get("expiresAt"), Instant::parse),
                f.get("scope"),
                f.get("resource"),
                f.get("issuer"),
                mapNullable(f.get("tokenEndpoint"), URI::create),
                mapNullable(f.get("revocationEndpoint"), URI::create),
                client.isEmpty() ? null : toClient(client),
                Secret.ofNullable(f.get("apiKey")));
    }

    private static Map<String, String> clientFields(ClientRegistration client) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("clientId", client.clientId());
        putIfPresent(f, "clientSecret", client.clientSecret(), Secret::reveal);
        f.put("authMethod", client.authMethod());
        putIfPresent(f, "redirectUri", client.redirectUri(), URI::toString);
        return f;
    }

    private static ClientRegistration toClient(String json) {
        return toClient(parse(json));
    }

    private static ClientRegistration toClient(Map<String, String> f) {
        return new ClientRegistration(f.get("clientId"), Secret.ofNullable(f.get("clientSecret")), f.get("authMethod"),
                mapNullable(f.get("redirectUri"), URI::create));
    }

    private static <T> void putIfPresent(Map<String, String> fields, String name, T value, Function<T, String> asText) {
        if (value != null) {
            fields.put(name, asText.apply(value));
        }
    }

    private static <T> T mapNullable(String text, Function<String, T> parse) {
        return text == null ? null : parse.apply(text);
    }
}
