package dev.statsigjdbc.emulator.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured {@code statsig-api-key} values, kept only as hashes. A key's principal is named
 * by a short fingerprint of its hash, so logs and tools can tell keys apart without seeing one.
 */
final class ApiKeys {
  static final String HEADER = "statsig-api-key";

  private final Map<String, Principal> byHash;

  ApiKeys(Map<String, Boolean> keys) {
    this.byHash = new HashMap<>();
    keys.forEach((key, canWrite) -> {
      String hash = Secrets.hash(key);
      byHash.put(hash, new Principal("api-key-" + hash.substring(0, 8), canWrite, "api-key"));
    });
  }

  Optional<Principal> find(String presentedKey) {
    return Optional.ofNullable(byHash.get(Secrets.hash(presentedKey)));
  }
}
