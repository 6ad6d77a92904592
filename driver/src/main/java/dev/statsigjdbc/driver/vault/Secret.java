package dev.statsigjdbc.driver.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret string (token, client secret, API key). {@link #toString()} never shows the value, so a
 * secret that ends up in a log line, an exception message or a record's toString stays hidden;
 * only {@link #reveal()} hands it out, at the one place it is sent over the wire.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** Null in, null out: for optional fields. */
    public static Secret ofNullable(String value) {
        return value == null ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant so that hash codes reveal nothing about the value. */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
