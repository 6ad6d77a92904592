package dev.statsigjdbc.emulator.mcp.v3;

import dev.statsigjdbc.emulator.api.ApiException;
import dev.statsigjdbc.emulator.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code discover_tools} operation handles: {@code base64url(payload).base64url(HMAC-SHA256)},
 * the payload naming the operation, its lane, the caller and the expiry. A handle works only
 * for the caller it was issued to, until it expires, and only if not a byte of it changed. The
 * key is drawn per server start, so handles never outlive the emulator.
 */
final class OperationHandles {
  static final String INVALID = "operation handle expired or invalid; call discover_tools again";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** What a valid handle stands for. */
  record Resolved(String operationId, Lane lane) {}

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration ttl;

  OperationHandles(Clock clock, Duration ttl) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, ALGORITHM);
    this.clock = clock;
    this.ttl = ttl;
  }

  /** When a handle issued now expires. */
  Instant expiry() {
    return clock.instant().plus(ttl);
  }

  String issue(String operationId, Lane lane, Principal caller, Instant expiresAt) {
    String payload = String.join("\n", operationId, lane.name(), credential(caller),
        Long.toString(expiresAt.toEpochMilli()));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
  }

  /** @throws ApiException 401 for a handle that is tampered, expired or issued to another caller */
  Resolved resolve(String handle, Principal caller) {
    String[] parts = handle == null ? new String[0] : handle.split("\\.", -1);
    if (parts.length != 2) {
      throw invalid();
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(parts[0]);
      signature = DECODER.decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(sign(payload), signature)) {
      throw invalid();
    }
    String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
    if (fields.length != 4 || !fields[2].equals(credential(caller))
        || !clock.instant().isBefore(Instant.ofEpochMilli(Long.parseLong(fields[3])))) {
      throw invalid();
    }
    return new Resolved(fields[0], Lane.valueOf(fields[1]));
  }

  /** The caller as the handle binds it: how it authenticated and who it is (never a secret). */
  private static String credential(Principal caller) {
    return caller == null ? "none" : caller.via() + ":" + caller.subject();
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static ApiException invalid() {
    return new ApiException(401, INVALID);
  }
}
