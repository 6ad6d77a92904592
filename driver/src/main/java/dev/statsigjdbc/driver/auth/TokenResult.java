package dev.statsigjdbc.driver.auth;

import dev.statsigjdbc.driver.vault.Secret;
import java.time.Instant;

/** A successful token response; {@code refreshToken}, {@code expiresAt} and {@code scope} may be null. */
record TokenResult(Secret accessToken, Secret refreshToken, Instant expiresAt, String scope) {
}
