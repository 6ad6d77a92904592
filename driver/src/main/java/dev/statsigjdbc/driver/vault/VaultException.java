package dev.statsigjdbc.driver.vault;

/** The vault or an {@code ENC(...)} value cannot be read or written; the message says what to do. */
public class VaultException extends RuntimeException {
    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
