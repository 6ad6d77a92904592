package dev.statsigjdbc.emulator.auth;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The configured {@code statsig-api-key} values, kept only as hashes. A key's principal is named
 * by a short fingerprint of its hash, so logs and tools can tell keys apart without seeing one.
 */
final class ApiKeys {
  static final String HEADER = "statsig-api-key";

  private final Map<String, Principal> byHash;

  ApiKeys(Map<String, Boolean> keys) {
    this.byHash = keys.entrySet().stream().collect(Collectors.toUnmodifiableMap(
        e -> Secrets.hash(e.getKey()),
        e -> new Principal("api-key-" + Secrets.hash(e.getKey()).substring(0, 8), e.getValue(), "api-key")));
  }

  Optional<Principal> find(String presentedKey) {
    return Optional.ofNullable(byHash.get(Secrets.hash(presentedKey)));
  }
}
