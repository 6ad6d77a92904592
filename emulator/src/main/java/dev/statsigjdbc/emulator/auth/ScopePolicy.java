package dev.statsigjdbc.emulator.auth;

import com.nimbusds.oauth2.sdk.Scope;
import java.util.List;

/**
 * The OAuth scopes on offer and what they allow: {@code read} by default, {@code write} needed
 * for write tools. With no scopes configured, scope is not used at all and tokens may write.
 */
record ScopePolicy(List<String> supported) {
  static final String READ = "read";
  static final String WRITE = "write";

  boolean inUse() {
    return !supported.isEmpty();
  }

  Scope supportedScope() {
    return new Scope(supported.toArray(String[]::new));
  }

  /** The scope to grant for a request that names none: read when offered, else nothing. */
  Scope defaultScope() {
    return supported.contains(READ) ? new Scope(READ) : new Scope();
  }

  boolean allows(Scope requested) {
    return requested.toStringList().stream().allMatch(supported::contains);
  }

  boolean canWrite(Scope granted) {
    return !inUse() || (granted != null && granted.contains(WRITE));
  }

  /** The question the consent page asks. */
  String consentQuestion(Scope granted) {
    return canWrite(granted) ? "Grant read and write access?" : "Grant read access?";
  }
}
